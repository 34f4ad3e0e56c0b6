import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from '../../client/types.js';
import { makeNode, makePod } from '../fixtures.js';
import {
  DefaultMemoryRequest,
  DefaultMilliCpuRequest,
  milliValue,
  nodeAllocatable,
  podRequests,
  value,
} from './resources.js';

describe('quantities as millicores', () => {
  const cases: Array<[string, string | number, number]> = [
    ['millicores are taken as written', '100m', 100],
    ['a decimal fraction of a core', '0.5', 500],
    ['a whole number of cores', '2', 2000],
    ['a JSON number is a quantity too', 1.5, 1500],
    ['a leading dot is allowed', '.25', 250],
    ['an exponent scales by powers of ten', '1e3', 1_000_000],
    ['a negative exponent', '5e-1', 500],
    ['a kilo suffix', '2k', 2_000_000],
    ['micro-cores round up to a whole millicore', '1u', 1],
    ['a fraction of a millicore rounds up, as MilliValue does', '0.0001', 1],
  ];
  for (const [name, quantity, expected] of cases) it(name, () => assert.equal(milliValue(quantity), expected));
});

describe('quantities as units (bytes, pods)', () => {
  const cases: Array<[string, string | number, number]> = [
    ['Mi is a power of two', '128Mi', 134_217_728],
    ['Gi is a power of two', '1Gi', 1_073_741_824],
    ['G is a power of ten', '1G', 1_000_000_000],
    ['k is a thousand', '500k', 500_000],
    ['a fraction of a Gi is exact', '1.5Gi', 1_610_612_736],
    ['a plain count', '110', 110],
    ['a fraction of a byte rounds up, as Value does', '100m', 1],
    ['an exponent', '1e3', 1000],
    ['E means exa, not an exponent, without digits after it', '1E', 1e18],
  ];
  for (const [name, quantity, expected] of cases) it(name, () => assert.equal(value(quantity), expected));
  for (const bad of ['', 'abc', '1.2.3', '5 Mi', '1Ki2', 'Mi']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => value(bad), /parseQuantity/));
  }
});

function podWith(
  containers: Pod['spec']['containers'],
  initContainers: Pod['spec']['initContainers'] = [],
  overhead?: Record<string, string>,
): Pod {
  const pod = makePod('p');
  return { ...pod, spec: { ...pod.spec, containers, initContainers, ...(overhead ? { overhead } : {}) } };
}

const container = (name: string, cpu?: string, memory?: string, restartPolicy?: 'Always') => ({
  name,
  resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
  ...(restartPolicy ? { restartPolicy } : {}),
});

describe("a pod's requests", () => {
  const cases: Array<[string, Pod, { milliCpu: number; memory: number }]> = [
    [
      'containers add up',
      podWith([container('a', '100m', '64Mi'), container('b', '200m', '64Mi')]),
      { milliCpu: 300, memory: 134_217_728 },
    ],
    [
      'a larger init container wins, per resource',
      podWith([container('a', '100m', '64Mi')], [container('init', '500m', '32Mi')]),
      { milliCpu: 500, memory: 67_108_864 },
    ],
    [
      'init containers run one at a time: the largest counts, not the sum',
      podWith([container('a', '100m')], [container('i1', '300m'), container('i2', '400m')]),
      { milliCpu: 400, memory: 0 },
    ],
    [
      'a sidecar adds to the containers',
      podWith([container('a', '100m')], [container('log', '50m', undefined, 'Always')]),
      { milliCpu: 150, memory: 0 },
    ],
    [
      'an init container after a sidecar runs beside it',
      podWith([container('a', '100m')], [container('log', '50m', undefined, 'Always'), container('init', '300m')]),
      { milliCpu: 350, memory: 0 },
    ],
    ['overhead is added on top', podWith([container('a', '100m')], [], { cpu: '250m' }), { milliCpu: 350, memory: 0 }],
    ['a container with no requests asks for nothing', podWith([container('a')]), { milliCpu: 0, memory: 0 }],
  ];
  for (const [name, pod, expected] of cases) it(name, () => assert.deepEqual(podRequests(pod, false), expected));

  it('for scoring, a container with no request counts as 100m and 200Mi', () => {
    assert.deepEqual(podRequests(podWith([container('a'), container('b', '300m')]), true), {
      milliCpu: DefaultMilliCpuRequest + 300,
      memory: 2 * DefaultMemoryRequest,
    });
  });
  it('for scoring, an explicit zero stays zero', () => {
    assert.deepEqual(podRequests(podWith([container('a', '0', '0')]), true), { milliCpu: 0, memory: 0 });
  });
});

describe("a node's allocatable", () => {
  it('reads cpu, memory and the pod count', () =>
    assert.deepEqual(nodeAllocatable(makeNode('n', { cpu: '2', memory: '4Gi', pods: 10 })), {
      milliCpu: 2000,
      memory: 4 * 2 ** 30,
      pods: 10,
    }));
  it('is zero when the node reports none, so nothing fits', () =>
    assert.deepEqual(nodeAllocatable({ metadata: { name: 'bare' } }), { milliCpu: 0, memory: 0, pods: 0 }));
});
