import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Taint, Toleration } from '../../client/types.js';
import { evictionDeadline, evictionDelaySeconds } from './eviction.js';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tolerate = (key: string, tolerationSeconds?: number): Toleration => ({
  key,
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds,
});

describe('evictionDelaySeconds', () => {
  const cases: Array<[string, Taint[], Toleration[], number | undefined]> = [
    ['no NoExecute taint: never', [], [tolerate(unreachable.key, 300)], undefined],
    ['an untolerated taint: now', [unreachable], [], 0],
    [
      'the default toleration: its 300 seconds',
      [unreachable],
      [tolerate(notReady.key, 300), tolerate(unreachable.key, 300)],
      300,
    ],
    ['a toleration without seconds: never', [unreachable], [tolerate(unreachable.key)], undefined],
    [
      'two taints: the shorter of the tolerations used',
      [unreachable, notReady],
      [tolerate(notReady.key, 60), tolerate(unreachable.key, 600)],
      60,
    ],
    [
      'two taints, one untolerated: now',
      [unreachable, { key: 'dedicated', effect: 'NoExecute' }],
      [tolerate(unreachable.key, 600)],
      0,
    ],
    ['zero or negative seconds: now', [unreachable], [tolerate(unreachable.key, -5)], 0],
    ['a toleration of every taint (no key, Exists) counts', [unreachable], [{ operator: 'Exists' }], undefined],
    [
      'a toleration for another value does not',
      [{ ...unreachable, value: 'a' }],
      [{ key: unreachable.key, value: 'b', effect: 'NoExecute' }],
      0,
    ],
  ];
  for (const [name, taints, tolerations, expected] of cases)
    it(name, () => assert.equal(evictionDelaySeconds(taints, tolerations), expected));
});

describe('evictionDeadline', () => {
  it('counts the delay from when the pod was first seen tainted', () =>
    assert.equal(evictionDeadline(10_000, 300), 310_000));
});
