import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, NodeCondition, Taint } from '../../client/types.js';
import { desiredControllerTaints, reconcileTaints } from './taints.js';

function node(conditions: Array<[string, NodeCondition['status']]>, spec: Node['spec'] = {}): Node {
  return {
    metadata: { name: 'n' },
    spec,
    status: { conditions: conditions.map(([type, status]) => ({ type, status })) },
  };
}
const show = (taints: Taint[]) => taints.map((taint) => `${taint.key}:${taint.effect}`);

describe('desiredControllerTaints', () => {
  const cases: Array<[string, Node, string[]]> = [
    [
      'a Ready node with no pressure gets none',
      node([
        ['Ready', 'True'],
        ['MemoryPressure', 'False'],
      ]),
      [],
    ],
    [
      'Ready=Unknown gives unreachable, NoSchedule and NoExecute',
      node([['Ready', 'Unknown']]),
      ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'],
    ],
    [
      'Ready=False gives not-ready, NoSchedule and NoExecute',
      node([['Ready', 'False']]),
      ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'],
    ],
    [
      'memory pressure gives a NoSchedule taint only',
      node([
        ['Ready', 'True'],
        ['MemoryPressure', 'True'],
      ]),
      ['node.kubernetes.io/memory-pressure:NoSchedule'],
    ],
    [
      'a cordoned node gets unschedulable',
      node([['Ready', 'True']], { unschedulable: true }),
      ['node.kubernetes.io/unschedulable:NoSchedule'],
    ],
    [
      'a node that never posted Ready keeps its NoExecute taint',
      node([], { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }),
      ['node.kubernetes.io/unreachable:NoExecute'],
    ],
  ];
  for (const [name, input, expected] of cases)
    it(name, () => assert.deepEqual(show(desiredControllerTaints(input)), expected));
});

describe('reconcileTaints', () => {
  const now = '2026-01-01T00:05:00Z';
  const mine: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:01:00Z' };
  const theirs: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const cases: Array<[string, Taint[], Taint[], Taint[] | undefined]> = [
    ['nothing to do gives undefined, so nothing is written', [theirs], [], undefined],
    [
      'a new taint is stamped with the time it was added',
      [theirs],
      [{ key: mine.key, effect: 'NoExecute' }],
      [theirs, { ...mine, timeAdded: now }],
    ],
    ['a taint kept keeps its timeAdded', [mine], [{ key: mine.key, effect: 'NoExecute' }], undefined],
    ['a taint no longer wanted goes; others stay', [theirs, mine], [], [theirs]],
    [
      "a taint someone else set with a controller key is the controller's to remove",
      [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
      [],
      [],
    ],
  ];
  for (const [name, current, desired, expected] of cases)
    it(name, () => assert.deepEqual(reconcileTaints(current, desired, now), expected));
});
