import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from './fixtures.js';
import { newFramework } from './framework/framework.js';
import { newNodeInfo } from './framework/node-info.js';
import { newStatus, SuccessStatus } from './framework/status.js';
import type { Plugin, PluginFactory } from './framework/types.js';
import { prioritizeNodes } from './prioritize.js';

const nodes = ['a', 'b'].map((name) => newNodeInfo(makeNode(name)));
const frameworkOf = (...plugins: Array<Plugin & Record<string, unknown>>) =>
  newFramework(
    { schedulerName: 's', plugins: plugins.map(({ name }) => ({ name, weight: 2 })) },
    new Map<string, PluginFactory>(plugins.map((plugin) => [plugin.name, () => plugin])),
  );

describe('prioritizing feasible nodes', () => {
  it('weights normalized scores and sums them', () => {
    const framework = frameworkOf({
      name: 'ByName',
      score: (_state: unknown, _pod: unknown, nodeInfo: { name: string }) => ({
        score: nodeInfo.name === 'a' ? 10 : 40,
      }),
    });
    const result = prioritizeNodes(framework, new Map(), makePod('p'), nodes, nodes);
    assert.deepEqual([result.status.code, result.totals], ['Success', [20, 80]]);
  });
  it('a plugin whose PreScore said Skip adds nothing', () => {
    const framework = frameworkOf({
      name: 'Skipper',
      preScore: () => newStatus('Skip'),
      score: () => ({ score: 100 }),
    });
    const result = prioritizeNodes(framework, new Map(), makePod('p'), nodes, nodes);
    assert.deepEqual([result.totals, result.plugins[0]?.isSkipped], [[0, 0], true]);
  });
  it('a score above 100 after normalizing fails the attempt', () => {
    const framework = frameworkOf({
      name: 'TooHigh',
      score: () => ({ score: 101 }),
      normalizeScore: () => SuccessStatus,
    });
    const result = prioritizeNodes(framework, new Map(), makePod('p'), nodes, nodes);
    assert.deepEqual(
      [result.status.code, result.status.reasons[0]],
      ['Error', 'plugin "TooHigh" returns an invalid score 101, it should in the range of [0, 100] after normalizing'],
    );
  });
  it('with no score plugins every node scores 1', () => {
    const framework = newFramework({ schedulerName: 's', plugins: [] }, new Map());
    assert.deepEqual(prioritizeNodes(framework, new Map(), makePod('p'), nodes, nodes).totals, [1, 1]);
  });
});
