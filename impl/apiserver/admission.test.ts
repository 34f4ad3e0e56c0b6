import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject, KubeObject, Toleration } from '../client/types.js';
import { admitDefaultTolerationSeconds, admitPriority } from './admission.js';
import { findResource } from './resources.js';

const pods = findResource('', 'v1', 'pods');
const configMaps = findResource('', 'v1', 'configmaps');
const notReady: Toleration = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const unreachable: Toleration = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};

function tolerationsAfterAdmission(tolerations: Toleration[] | undefined, subresource?: string): unknown {
  assert.ok(pods);
  const pod: KubeObject = { metadata: { name: 'p' }, spec: tolerations ? { tolerations } : {} };
  admitDefaultTolerationSeconds(pods, subresource, pod);
  return pod.spec?.tolerations;
}

describe('DefaultTolerationSeconds admission', () => {
  const gpu: Toleration = { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' };
  const cases: Array<[string, Toleration[] | undefined, unknown]> = [
    ['a pod without tolerations gets both, for 300 seconds', undefined, [notReady, unreachable]],
    ['its own tolerations are kept, the defaults appended', [gpu], [gpu, notReady, unreachable]],
    [
      'a pod that already tolerates unreachable keeps its own seconds',
      [{ ...unreachable, tolerationSeconds: 6000 }],
      [{ ...unreachable, tolerationSeconds: 6000 }, notReady],
    ],
    [
      'a toleration with no effect counts',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, unreachable],
    ],
    [
      'a toleration of every taint (no key, Exists) counts for both',
      [{ operator: 'Exists' }],
      [{ operator: 'Exists' }],
    ],
    [
      'a NoSchedule toleration of the key does not count',
      [{ ...unreachable, effect: 'NoSchedule' }],
      [{ ...unreachable, effect: 'NoSchedule' }, notReady, unreachable],
    ],
  ];
  for (const [name, tolerations, expected] of cases)
    it(name, () => assert.deepEqual(tolerationsAfterAdmission(tolerations), expected));

  it('leaves a write to a subresource alone', () =>
    assert.equal(tolerationsAfterAdmission(undefined, 'status'), undefined));
  it('leaves other resources alone', () => {
    assert.ok(configMaps);
    const object: KubeObject = { metadata: { name: 'c' } };
    admitDefaultTolerationSeconds(configMaps, undefined, object);
    assert.equal(object.spec, undefined);
  });
  it('uses the configured seconds', () => {
    assert.ok(pods);
    const pod: KubeObject = { metadata: { name: 'p' }, spec: {} };
    admitDefaultTolerationSeconds(pods, undefined, pod, { notReadySeconds: 5, unreachableSeconds: 7 });
    assert.deepEqual(pod.spec?.tolerations, [
      { ...notReady, tolerationSeconds: 5 },
      { ...unreachable, tolerationSeconds: 7 },
    ]);
  });
});

describe('Priority admission', () => {
  const pod = (spec: JsonObject): KubeObject => ({ metadata: { generateName: 'web-' }, spec });

  it('gives a pod that names a built-in class its value', () => {
    const admitted = pod({ priorityClassName: 'system-node-critical' });
    assert.ok(pods);
    admitPriority(pods, undefined, admitted);
    assert.equal(admitted.spec?.priority, 2000001000);
  });

  it('refuses a pod that names a class that does not exist, by its generateName', () => {
    assert.ok(pods);
    assert.throws(() => admitPriority(pods, undefined, pod({ priorityClassName: 'missing' })), {
      message: 'pods "web-" is forbidden: no PriorityClass with name missing was found',
    });
  });

  it('leaves a pod without a class, and other resources, as they are', () => {
    assert.ok(pods && configMaps);
    const plain = pod({ priority: 1000 });
    admitPriority(pods, undefined, plain);
    admitPriority(configMaps, undefined, pod({ priorityClassName: 'missing' }));
    assert.deepEqual(plain.spec, { priority: 1000 });
  });
});
