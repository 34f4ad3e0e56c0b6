import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Affinity, NodeSelectorRequirement, NodeSelectorTerm } from '../../client/types.js';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import { ErrReasonPod, matchesRequirement, NodeAffinity } from './node-affinity.js';

const labels = { zone: 'a', disk: 'ssd', cores: '8' };

describe('node selector requirements', () => {
  const cases: Array<[string, NodeSelectorRequirement, boolean]> = [
    ['In matches one of the values', { key: 'zone', operator: 'In', values: ['a', 'b'] }, true],
    ['In fails on a missing label', { key: 'gpu', operator: 'In', values: ['yes'] }, false],
    ['NotIn refuses a listed value', { key: 'zone', operator: 'NotIn', values: ['a'] }, false],
    ['NotIn accepts a missing label', { key: 'gpu', operator: 'NotIn', values: ['yes'] }, true],
    ['Exists needs the key', { key: 'disk', operator: 'Exists' }, true],
    ['DoesNotExist needs the key absent', { key: 'disk', operator: 'DoesNotExist' }, false],
    ['Gt compares as integers, not strings', { key: 'cores', operator: 'Gt', values: ['10'] }, false],
    ['Gt holds for a larger label', { key: 'cores', operator: 'Gt', values: ['4'] }, true],
    ['Lt holds for a smaller label', { key: 'cores', operator: 'Lt', values: ['16'] }, true],
    ['Gt fails on a label that is not an integer', { key: 'zone', operator: 'Gt', values: ['1'] }, false],
    ['Gt fails with more than one value', { key: 'cores', operator: 'Gt', values: ['1', '2'] }, false],
  ];
  for (const [name, requirement, expected] of cases)
    it(name, () => assert.equal(matchesRequirement(requirement, labels), expected));
});

describe('NodeAffinity filter', () => {
  const plugin = new NodeAffinity();
  const required = (...nodeSelectorTerms: NodeSelectorTerm[]): Affinity => ({
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } },
  });
  const inZone = (zone: string): NodeSelectorTerm => ({
    matchExpressions: [{ key: 'zone', operator: 'In', values: [zone] }],
  });
  const cases: Array<[string, Parameters<typeof makePod>[1], boolean]> = [
    ['a matching nodeSelector fits', { nodeSelector: { zone: 'a' } }, true],
    ['every nodeSelector label must match', { nodeSelector: { zone: 'a', disk: 'hdd' } }, false],
    ['required terms are ORed', { affinity: required(inZone('b'), inZone('a')) }, true],
    [
      'expressions in one term are ANDed',
      {
        affinity: required({
          matchExpressions: [...(inZone('a').matchExpressions ?? []), { key: 'disk', operator: 'In', values: ['hdd'] }],
        }),
      },
      false,
    ],
    ['an empty term matches nothing', { affinity: required({}) }, false],
    [
      'matchFields selects the node by name',
      { affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }) },
      true,
    ],
    [
      'nodeSelector and affinity must both hold',
      { nodeSelector: { zone: 'b' }, affinity: required(inZone('a')) },
      false,
    ],
  ];
  for (const [name, shape, fits] of cases) {
    it(name, () => {
      const status = plugin.filter(new Map(), makePod('p', shape), newNodeInfo(makeNode('n1', { labels })));
      assert.deepEqual(
        [status.code, ...status.reasons],
        fits ? ['Success'] : ['UnschedulableAndUnresolvable', ErrReasonPod],
      );
    });
  }
  it('PreFilter skips a pod with no selector or required affinity', () =>
    assert.equal(plugin.preFilter(new Map(), makePod('p')).code, 'Skip'));
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms, then scales the best to 100', () => {
    const plugin = new NodeAffinity();
    const prefer = (weight: number, zone: string) => ({
      weight,
      preference: { matchExpressions: [{ key: 'zone', operator: 'In' as const, values: [zone] }] },
    });
    const pod = makePod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [prefer(20, 'a'), prefer(40, 'b'), prefer(40, 'a')],
        },
      },
    });
    const nodes = ['a', 'b', 'c'].map((zone) => newNodeInfo(makeNode(`n-${zone}`, { labels: { zone } })));
    assert.equal(plugin.preScore(new Map(), pod).code, 'Success');
    const scores = nodes.map((nodeInfo) => ({
      name: nodeInfo.name,
      score: plugin.score(new Map(), pod, nodeInfo).score,
    }));
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [60, 40, 0],
    );
    plugin.normalizeScore(new Map(), pod, scores);
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [100, 66, 0],
    );
  });
  it('PreScore skips a pod with no preferences', () =>
    assert.equal(new NodeAffinity().preScore(new Map(), makePod('p')).code, 'Skip'));
});
