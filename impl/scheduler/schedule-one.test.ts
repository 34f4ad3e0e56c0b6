import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from './bench-algorithm.js';
import { makeNode, makePod, replicaSetOwner } from './fixtures.js';
import { newFramework } from './framework/framework.js';
import type { NodeScore } from './framework/types.js';
import { newNodeInfo } from './framework/node-info.js';
import { DefaultProfile, newInTreeRegistry } from './plugins/registry.js';
import { findNodesThatFit, numFeasibleNodesToFind, schedulePod, selectHost } from './schedule-one.js';

const framework = newFramework(DefaultProfile, newInTreeRegistry());
const alwaysFirst = (bound: number) => bound - 1;
const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

describe('how many feasible nodes end the search (percentageOfNodesToScore)', () => {
  const cases: Array<[string, number | undefined, number, number]> = [
    ['below 100 nodes, all of them', undefined, 99, 99],
    ['100 nodes: 50% is 50, raised to the minimum of 100', undefined, 100, 100],
    ['500 nodes: 50 − 4 = 46%', undefined, 500, 230],
    ['1000 nodes: 42%', undefined, 1000, 420],
    ['5000 nodes: 10%', undefined, 5000, 500],
    ['6000 nodes: 2% is floored at 5%', undefined, 6000, 300],
    ['a configured 30% of 1000 nodes', 30, 1000, 300],
    ['a configured 5% of 1000 nodes is still at least 100', 5, 1000, 100],
    ['a configured 100% means every node', 100, 5000, 5000],
  ];
  for (const [name, percentage, nodes, expected] of cases)
    it(name, () => assert.equal(numFeasibleNodesToFind(percentage, nodes), expected));
});

describe('finding feasible nodes', () => {
  const nodeInfos = Array.from({ length: 300 }, (_, index) =>
    newNodeInfo(makeNode(`node-${index}`, index % 100 === 0 ? { taints: [controlPlaneTaint] } : {})),
  );
  it('stops once enough nodes fit, and says where the next search starts', () => {
    // 300 nodes: 50 − 2 = 48% → 144 feasible nodes end the search; 2 tainted nodes were rejected on the way.
    const search = findNodesThatFit(framework, new Map(), makePod('p'), nodeInfos, { startIndex: 0 });
    assert.deepEqual(
      [
        search.numNodesToFind,
        search.feasible.length,
        search.rejected.length,
        search.evaluatedNodes,
        search.nextStartIndex,
      ],
      [144, 144, 2, 146, 146],
    );
    assert.deepEqual(
      search.rejected.map((rejection) => [rejection.node, rejection.status.plugin]),
      [
        ['node-0', 'TaintToleration'],
        ['node-100', 'TaintToleration'],
      ],
    );
  });
  it('starts where the previous search stopped and wraps around', () => {
    const search = findNodesThatFit(framework, new Map(), makePod('p'), nodeInfos, { startIndex: 250 });
    assert.equal(search.feasible[0]?.name, 'node-250');
    assert.equal(search.nextStartIndex, (250 + search.evaluatedNodes) % 300);
  });
  it('lists the filters that PreFilter skipped for this pod', () => {
    const search = findNodesThatFit(framework, new Map(), makePod('p'), nodeInfos.slice(0, 3), { startIndex: 0 });
    assert.deepEqual(search.skippedFilterPlugins, ['NodeName', 'NodeAffinity', 'NodePorts']);
  });
});

describe('selecting the host', () => {
  const scores: [NodeScore, ...NodeScore[]] = [
    { name: 'a', score: 10 },
    { name: 'b', score: 30 },
    { name: 'c', score: 30 },
    { name: 'd', score: 20 },
    { name: 'e', score: 30 },
  ];
  it('the highest total wins, and the next best are reported', () => {
    const selection = selectHost(scores, alwaysFirst);
    assert.deepEqual(
      [selection.selected.name, selection.tiedAtTop, selection.top.map((entry) => entry.name)],
      ['b', 3, ['b', 'c', 'e']],
    );
  });
  it('ties are broken at random, every tied node winning about equally often', () => {
    const random = seededRandom(7);
    const wins = new Map<string, number>();
    for (let draw = 0; draw < 30_000; draw++) {
      const { name } = selectHost(scores, random).selected;
      wins.set(name, (wins.get(name) ?? 0) + 1);
    }
    assert.deepEqual([...wins.keys()].sort(), ['b', 'c', 'e']);
    for (const count of wins.values()) assert.ok(count > 9_000 && count < 11_000, `${count} wins of 30000`);
  });
});

describe('one scheduling attempt', () => {
  it('explains a pod that fits nowhere with the exact FailedScheduling message', () => {
    const nodes = [
      newNodeInfo(makeNode('control-plane', { taints: [controlPlaneTaint] })),
      newNodeInfo(makeNode('small-1', { cpu: '1' })),
      newNodeInfo(makeNode('small-2', { cpu: '1' })),
    ];
    const result = schedulePod(framework, makePod('big', { cpu: '2' }), nodes, { startIndex: 0, random: alwaysFirst });
    assert.equal(result.outcome, 'Unschedulable');
    assert.equal(
      result.message,
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
        '2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, ' +
        '2 No preemption victims found for incoming pod.',
    );
  });
  it('a pod that may not preempt says so', () => {
    const result = schedulePod(
      framework,
      makePod('big', { cpu: '2', preemptionPolicy: 'Never' }),
      [newNodeInfo(makeNode('small', { cpu: '1' }))],
      { startIndex: 0, random: alwaysFirst },
    );
    assert.equal(
      result.message,
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
  it('an empty cluster has no nodes available', () => {
    const result = schedulePod(framework, makePod('p'), [], { startIndex: 0, random: alwaysFirst });
    assert.deepEqual([result.outcome, result.message], ['Unschedulable', 'no nodes available to schedule pods']);
  });
  it('with one feasible node there is nothing to score', () => {
    const nodes = [newNodeInfo(makeNode('tainted', { taints: [controlPlaneTaint] })), newNodeInfo(makeNode('only'))];
    const result = schedulePod(framework, makePod('p'), nodes, { startIndex: 0, random: alwaysFirst });
    assert.deepEqual([result.outcome, result.selectedNode, result.scorePlugins.length], ['Scheduled', 'only', 0]);
  });
  it('picks the emptier node, by the sum of weighted plugin scores', () => {
    const hostname = (name: string) => ({ labels: { 'kubernetes.io/hostname': name } });
    const nodes = [
      newNodeInfo(makeNode('busy', hostname('busy')), [makePod('other', { cpu: '2', memory: '4Gi' })]),
      newNodeInfo(makeNode('empty', hostname('empty'))),
    ];
    const result = schedulePod(
      framework,
      makePod('p', { cpu: '1', memory: '2Gi', owner: replicaSetOwner('web') }),
      nodes,
      { startIndex: 0, random: alwaysFirst },
    );
    // TaintToleration 100×3 + NodeResourcesFit (25 or 75)×1 + PodTopologySpread 100×2 + BalancedAllocation 100×1.
    assert.deepEqual([result.selectedNode, result.totalScores], ['empty', [625, 675]]);
    const fit = result.scorePlugins.find((plugin) => plugin.plugin === 'NodeResourcesFit');
    assert.deepEqual([fit?.raw, fit?.normalized, fit?.weight], [[25, 75], [25, 75], 1]);
    assert.equal(result.scorePlugins.find((plugin) => plugin.plugin === 'NodeAffinity')?.isSkipped, true);
  });
  it('a plugin that throws fails the attempt with an Error, not the process', () => {
    const broken = newFramework(
      { schedulerName: 's', plugins: [{ name: 'Broken' }] },
      new Map([
        [
          'Broken',
          () => ({
            name: 'Broken',
            filter: () => {
              throw new Error('boom');
            },
          }),
        ],
      ]),
    );
    const result = schedulePod(broken, makePod('p'), [newNodeInfo(makeNode('n'))], {
      startIndex: 0,
      random: alwaysFirst,
    });
    assert.deepEqual([result.outcome, result.message], ['Error', 'running "Broken" filter plugin: boom']);
  });
  it('a host selection that throws fails the attempt with an Error, as selectHost returning an error does', () => {
    const nodes = [newNodeInfo(makeNode('a')), newNodeInfo(makeNode('b'))];
    const result = schedulePod(framework, makePod('p'), nodes, {
      startIndex: 0,
      random: () => {
        throw new Error('no randomness');
      },
    });
    assert.deepEqual([result.outcome, result.message, result.selectedNode], ['Error', 'no randomness', undefined]);
  });
});
