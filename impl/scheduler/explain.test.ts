import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain, explanationJson } from './explain.js';
import { makeNode, makePod, replicaSetOwner } from './fixtures.js';
import { newFramework } from './framework/framework.js';
import { newNodeInfo } from './framework/node-info.js';
import { DefaultProfile, newInTreeRegistry } from './plugins/registry.js';
import { schedulePod } from './schedule-one.js';

const framework = newFramework(DefaultProfile, newInTreeRegistry());
const hostname = (name: string) => ({ labels: { 'kubernetes.io/hostname': name } });
const nodes = [
  newNodeInfo(
    makeNode('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
  ),
  newNodeInfo(makeNode('busy', hostname('busy')), [makePod('other', { cpu: '2', memory: '4Gi' })]),
  newNodeInfo(makeNode('empty', hostname('empty'))),
];
const result = schedulePod(
  framework,
  makePod('web-1', { cpu: '1', memory: '2Gi', owner: replicaSetOwner('web') }),
  nodes,
  { startIndex: 0, random: (bound) => bound - 1 },
);

describe('the explanation of a scheduled pod', () => {
  const text = explain(result);
  const lines: Array<[string, string]> = [
    ['the decision and its total come first', 'default/web-1: Scheduled on empty (total 675)'],
    [
      'the search says how far it went',
      'search: 3 of 3 nodes filtered from index 0, stopping at 3 feasible; 2 feasible, 1 rejected',
    ],
    [
      'each plugin shows raw→normalized×weight',
      '  empty  675  TaintToleration 0→100×3 · NodeResourcesFit 75→75×1 · ' +
        'PodTopologySpread 2→100×2 · NodeResourcesBalancedAllocation 100→100×1',
    ],
    [
      'the loser is there too',
      '  busy   625  TaintToleration 0→100×3 · NodeResourcesFit 25→25×1 · ' +
        'PodTopologySpread 2→100×2 · NodeResourcesBalancedAllocation 100→100×1',
    ],
    ['a skipped scorer is named', '  (skipped for this pod: NodeAffinity)'],
    [
      'a rejected node names the filter that rejected it',
      '  control-plane  TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
  ];
  for (const [name, line] of lines)
    it(name, () => assert.ok(text.split('\n').includes(line), `missing ${JSON.stringify(line)} in\n${text}`));
});

describe('the explanation as JSON', () => {
  const json = explanationJson(result);
  it('lists the selected node first with every plugin score', () => {
    const [first] = json.nodes;
    assert.equal(first?.node, 'empty');
    assert.deepEqual(first?.scores?.NodeResourcesFit, { raw: 75, normalized: 75, weight: 1, weighted: 75 });
    assert.equal(first?.scores?.NodeAffinity, 'Skip');
  });
  it('shows, for a rejected node, the filters up to the one that rejected it', () => {
    const rejected = json.nodes.find((node) => node.node === 'control-plane');
    assert.deepEqual(rejected?.filters, {
      NodeUnschedulable: 'Success',
      NodeName: 'Skip',
      TaintToleration:
        'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    });
  });
  it('leaves out nodes beyond the limit and counts them', () =>
    assert.equal(explanationJson(result, 1).omittedNodes, 1));
  it('survives a round trip through JSON, as an annotation', () =>
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json));
});

describe('the explanation of a pod that fits nowhere', () => {
  it('leads with the FailedScheduling message', () => {
    const failed = schedulePod(framework, makePod('big', { cpu: '8' }), nodes, {
      startIndex: 0,
      random: (bound) => bound - 1,
    });
    assert.match(explain(failed).split('\n')[0] ?? '', /^default\/big: Unschedulable: 0\/3 nodes are available: /);
  });
});
