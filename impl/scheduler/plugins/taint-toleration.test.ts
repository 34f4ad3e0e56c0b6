import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Taint, Toleration } from '../../client/types.js';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import type { NodeScore } from '../framework/types.js';
import { toleratesTaint } from '../../client/tolerations.js';
import { TaintToleration } from './taint-toleration.js';

const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const gpu: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

describe('taints against tolerations', () => {
  const cases: Array<[string, Toleration, Taint, boolean]> = [
    ['Exists on the key tolerates any value', { key: 'dedicated', operator: 'Exists' }, gpu, true],
    ['Equal needs the same value', { key: 'dedicated', operator: 'Equal', value: 'gpu' }, gpu, true],
    ['Equal with another value does not tolerate', { key: 'dedicated', value: 'db' }, gpu, false],
    ['the operator defaults to Equal', { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, gpu, true],
    ['another effect does not tolerate', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, gpu, false],
    ['an empty key with Exists tolerates every taint', { operator: 'Exists' }, controlPlane, true],
    ['another key does not tolerate', { key: 'other', operator: 'Exists' }, gpu, false],
    [
      'Equal with no value matches a taint with no value',
      { key: 'node-role.kubernetes.io/control-plane' },
      controlPlane,
      true,
    ],
  ];
  for (const [name, toleration, taint, expected] of cases)
    it(name, () => assert.equal(toleratesTaint(toleration, taint), expected));
});

describe('TaintToleration filter', () => {
  const plugin = new TaintToleration();
  const cases: Array<[string, Taint[], Toleration[], string | undefined]> = [
    ['an untainted node fits', [], [], undefined],
    [
      'an untolerated NoSchedule taint rejects, an empty value printed as nothing',
      [controlPlane],
      [],
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    ['the value is printed', [gpu], [], 'node(s) had untolerated taint {dedicated: gpu}'],
    ['a tolerated taint lets the pod in', [gpu], [{ key: 'dedicated', operator: 'Exists' }], undefined],
    ['NoExecute keeps pods off too', [{ key: 'k', effect: 'NoExecute' }], [], 'node(s) had untolerated taint {k: }'],
    ['PreferNoSchedule never rejects', [{ key: 'k', effect: 'PreferNoSchedule' }], [], undefined],
    [
      'the first untolerated taint is the reason',
      [controlPlane, gpu],
      [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
      'node(s) had untolerated taint {dedicated: gpu}',
    ],
  ];
  for (const [name, taints, tolerations, reason] of cases) {
    it(name, () => {
      const status = plugin.filter(new Map(), makePod('p', { tolerations }), newNodeInfo(makeNode('n', { taints })));
      if (reason === undefined) assert.equal(status.code, 'Success');
      else assert.deepEqual([status.code, ...status.reasons], ['UnschedulableAndUnresolvable', reason]);
    });
  }
});

describe('TaintToleration score', () => {
  it('counts untolerated PreferNoSchedule taints, then reverses: fewest gets 100', () => {
    const plugin = new TaintToleration();
    const prefer = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });
    const pod = makePod('p', { tolerations: [{ key: 'tolerated', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const state = new Map<string, unknown>();
    plugin.preScore(state, pod);
    const nodes = [[], [prefer('a')], [prefer('a'), prefer('b')], [prefer('tolerated')]].map((taints, index) =>
      newNodeInfo(makeNode(`n${index}`, { taints })),
    );
    const scores: NodeScore[] = nodes.map((nodeInfo) => ({
      name: nodeInfo.name,
      score: plugin.score(state, pod, nodeInfo).score,
    }));
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [0, 1, 2, 0],
    );
    plugin.normalizeScore(state, pod, scores);
    assert.deepEqual(
      scores.map((entry) => entry.score),
      [100, 50, 0, 100],
    );
  });
});
