import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import { balancedAllocationScore, NodeResourcesBalancedAllocation } from './node-resources-balanced-allocation.js';

describe('balancedAllocationScore (Kubernetes 1.32)', () => {
  const cases: Array<[string, Array<[number, number]>, number]> = [
    [
      'equal fractions are perfectly balanced',
      [
        [2, 4],
        [4, 8],
      ],
      100,
    ],
    [
      'fractions 0.5 and 0.25: std 0.125, score 87',
      [
        [2, 4],
        [2, 8],
      ],
      87,
    ],
    [
      'a fraction above 1 is capped: 1 and 0 score 50',
      [
        [6, 4],
        [0, 8],
      ],
      50,
    ],
    [
      'a resource with nothing allocatable is left out',
      [
        [2, 4],
        [5, 0],
      ],
      100,
    ],
    [
      'three resources use the standard deviation: 0.2, 0.5, 0.8 score 75',
      [
        [2, 10],
        [5, 10],
        [8, 10],
      ],
      75,
    ],
  ];
  for (const [name, amounts, expected] of cases) {
    it(name, () =>
      assert.equal(
        balancedAllocationScore(amounts.map(([requested, allocatable]) => ({ requested, allocatable, weight: 1 }))),
        expected,
      ),
    );
  }
});

describe('NodeResourcesBalancedAllocation score', () => {
  it('uses real requests, with no defaults for containers that ask for nothing', () => {
    const plugin = new NodeResourcesBalancedAllocation();
    const pod = makePod('p', { cpu: '1' });
    const state = new Map<string, unknown>();
    plugin.preScore(state, pod);
    // cpu (1000 + 1000) / 4000 = 0.5, memory 0 / 8Gi = 0: std 0.25, score 75.
    const nodeInfo = newNodeInfo(makeNode('n'), [makePod('a', { cpu: '1' }), makePod('b')]);
    assert.equal(plugin.score(state, pod, nodeInfo).score, 75);
  });
  it('still scores a pod that requests nothing, as 1.32 did (1.33 skips it)', () => {
    const plugin = new NodeResourcesBalancedAllocation();
    assert.equal(plugin.preScore(new Map(), makePod('p')).code, 'Success');
  });
});
