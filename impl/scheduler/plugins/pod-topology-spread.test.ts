import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod, replicaSetOwner } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import {
  LabelHostname,
  LabelTopologyZone,
  PodTopologySpread,
  scoreForCount,
  topologyNormalizingWeight,
} from './pod-topology-spread.js';

const web = replicaSetOwner('web');
const node = (name: string, zone: string, peers: number, others = 0) =>
  newNodeInfo(makeNode(name, { labels: { [LabelHostname]: name, [LabelTopologyZone]: zone } }), [
    ...Array.from({ length: peers }, (_, index) => makePod(`${name}-web-${index}`, { owner: web })),
    ...Array.from({ length: others }, (_, index) => makePod(`${name}-db-${index}`, { owner: replicaSetOwner('db') })),
  ]);

describe('PodTopologySpread with the system default constraints', () => {
  it('scores by peers on the node and in its zone, then favours the emptiest', () => {
    // Weights: hostname ln(3 + 2), zone ln(2 + 2); zone-a holds 2 peers, zone-b 1.
    // n1: 2·ln5 + 2 + 2·ln4 + 4 = 11.99 → 12; n2: 0 + 2 + 6.77 = 8.77 → 9; n3: ln5 + 2 + ln4 + 4 = 9.00 → 9.
    // Normalized: 100 × (12 + 9 − score) / 12 → 75, 100, 100.
    const nodes = [node('n1', 'zone-a', 2), node('n2', 'zone-a', 0, 3), node('n3', 'zone-b', 1)];
    const plugin = new PodTopologySpread();
    const pod = makePod('new', { owner: web });
    const state = new Map<string, unknown>();
    assert.equal(plugin.preScore(state, pod, nodes, nodes).code, 'Success');
    const scores = nodes.map((nodeInfo) => ({ name: nodeInfo.name, score: plugin.score(state, pod, nodeInfo).score }));
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [12, 9, 9],
    );
    plugin.normalizeScore(state, pod, scores);
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [75, 100, 100],
    );
  });
  it('counts peers on nodes that did not pass the filters too', () => {
    const feasible = [node('n1', 'zone-a', 0), node('n2', 'zone-b', 0)];
    const all = [...feasible, node('n3', 'zone-a', 4)];
    const plugin = new PodTopologySpread();
    const pod = makePod('new', { owner: web });
    const state = new Map<string, unknown>();
    plugin.preScore(state, pod, feasible, all);
    const [inBusyZone, inQuietZone] = feasible.map((nodeInfo) => plugin.score(state, pod, nodeInfo).score);
    assert.ok((inBusyZone ?? 0) > (inQuietZone ?? 0));
  });
  it('skips a pod with no controller to spread from', () => {
    const nodes = [node('n1', 'zone-a', 0)];
    assert.equal(new PodTopologySpread().preScore(new Map(), makePod('bare'), nodes, nodes).code, 'Skip');
  });
  it('skips pods of owners Kubernetes does not spread by default, such as Jobs', () => {
    const nodes = [node('n1', 'zone-a', 0)];
    const job = { apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: 'uid-j', controller: true };
    assert.equal(new PodTopologySpread().preScore(new Map(), makePod('p', { owner: job }), nodes, nodes).code, 'Skip');
  });
  it('all-zero raw scores normalize to 100', () => {
    const scores = [
      { name: 'a', score: 0 },
      { name: 'b', score: 0 },
    ];
    new PodTopologySpread().normalizeScore(new Map(), makePod('p'), scores);
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [100, 100],
    );
  });
  it('the formula pieces', () => {
    assert.equal(topologyNormalizingWeight(0), Math.log(2));
    assert.equal(scoreForCount(0, 3, 1.5), 2);
    assert.equal(scoreForCount(2, 5, 1.5), 7);
  });
});
