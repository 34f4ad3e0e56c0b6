import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import { fits, leastAllocatedScore, NodeResourcesFit } from './node-resources-fit.js';

const GiB = 2 ** 30;

describe('fits: requests against what the node has left', () => {
  // Node: 4 CPUs, 8Gi, room for 3 pods; 2 pods already request 2500m and 6Gi.
  const nodeInfo = newNodeInfo(makeNode('n', { cpu: '4', memory: '8Gi', pods: 3 }), [
    makePod('a', { cpu: '2', memory: '4Gi' }),
    makePod('b', { cpu: '500m', memory: '2Gi' }),
  ]);
  const full = newNodeInfo(makeNode('full', { pods: 1 }), [makePod('c')]);
  const cases: Array<[string, { milliCpu: number; memory: number }, typeof nodeInfo, string[]]> = [
    ['a pod that fits exactly fits', { milliCpu: 1500, memory: 2 * GiB }, nodeInfo, []],
    ['one millicore too many is Insufficient cpu', { milliCpu: 1501, memory: 0 }, nodeInfo, ['Insufficient cpu']],
    [
      'one byte too many is Insufficient memory',
      { milliCpu: 0, memory: 2 * GiB + 1 },
      nodeInfo,
      ['Insufficient memory'],
    ],
    [
      'every shortfall is a reason',
      { milliCpu: 8000, memory: 16 * GiB },
      nodeInfo,
      ['Insufficient cpu', 'Insufficient memory'],
    ],
    [
      'a full node is Too many pods, even for a pod that requests nothing',
      { milliCpu: 0, memory: 0 },
      full,
      ['Too many pods'],
    ],
    ['Too many pods comes first', { milliCpu: 8000, memory: 0 }, full, ['Too many pods', 'Insufficient cpu']],
  ];
  for (const [name, request, node, reasons] of cases)
    it(name, () =>
      assert.deepEqual(
        fits(request, node).map((shortfall) => shortfall.reason),
        reasons,
      ),
    );

  it('the filter says Unschedulable, since preemption could make room', () => {
    const status = new NodeResourcesFit().filter(new Map(), makePod('big', { cpu: '3' }), nodeInfo);
    assert.deepEqual([status.code, ...status.reasons], ['Unschedulable', 'Insufficient cpu']);
  });
});

describe('leastAllocatedScore', () => {
  const cases: Array<[string, Array<[number, number]>, number]> = [
    [
      'the worked example: half free on both resources scores 50',
      [
        [2000, 4000],
        [4 * GiB, 8 * GiB],
      ],
      50,
    ],
    [
      'each resource truncates, then the mean truncates: (37 + 62) / 2',
      [
        [2500, 4000],
        [3 * GiB, 8 * GiB],
      ],
      49,
    ],
    [
      'an empty node scores 100',
      [
        [0, 4000],
        [0, 8 * GiB],
      ],
      100,
    ],
    [
      'an over-committed resource scores 0',
      [
        [5000, 4000],
        [0, 8 * GiB],
      ],
      50,
    ],
    ['no resources, no score', [], 0],
  ];
  for (const [name, amounts, expected] of cases) {
    it(name, () =>
      assert.equal(
        leastAllocatedScore(amounts.map(([requested, allocatable]) => ({ requested, allocatable, weight: 1 }))),
        expected,
      ),
    );
  }
  it('weights make one resource count more', () => {
    assert.equal(
      leastAllocatedScore([
        { requested: 0, allocatable: 100, weight: 3 },
        { requested: 100, allocatable: 100, weight: 1 },
      ]),
      75,
    );
  });
});

describe('NodeResourcesFit score', () => {
  it('counts 100m and 200Mi for a container without requests, on the node and for the pod', () => {
    const plugin = new NodeResourcesFit();
    const pod = makePod('p');
    const state = new Map<string, unknown>();
    plugin.preScore(state, pod);
    // 1000m node: (1000 - 200) * 100 / 1000 = 80; 1000Mi node: (1000 - 400) * 100 / 1000 = 60.
    const nodeInfo = newNodeInfo(makeNode('n', { cpu: '1', memory: '1000Mi' }), [makePod('other')]);
    assert.equal(plugin.score(state, pod, nodeInfo).score, 70);
  });
});
