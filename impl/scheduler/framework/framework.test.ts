import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newFramework, runFilterPlugins, runPreFilterPlugins } from './framework.js';
import { newNodeInfo } from './node-info.js';
import { newStatus, SuccessStatus } from './status.js';
import type { FilterPlugin, PluginFactory, PreFilterPlugin, Status } from './types.js';

const filterSaying = (name: string, status: Status | (() => Status)): FilterPlugin => ({
  name,
  filter: () => (typeof status === 'function' ? status() : status),
});

describe('building a framework from a profile', () => {
  const registry = new Map<string, PluginFactory>([
    ['Both', () => ({ name: 'Both', filter: () => SuccessStatus, score: () => ({ score: 0 }) })],
    ['OnlyFilter', () => filterSaying('OnlyFilter', SuccessStatus)],
  ]);
  it('files each plugin under every point it implements, weighting scorers', () => {
    const framework = newFramework(
      { schedulerName: 's', plugins: [{ name: 'Both', weight: 2 }, { name: 'OnlyFilter' }] },
      registry,
    );
    assert.deepEqual(
      framework.filterPlugins.map((plugin) => plugin.name),
      ['Both', 'OnlyFilter'],
    );
    assert.deepEqual(
      framework.scorePlugins.map(({ plugin, weight }) => [plugin.name, weight]),
      [['Both', 2]],
    );
  });
  it('refuses a plugin the registry does not know', () =>
    assert.throws(
      () => newFramework({ schedulerName: 's', plugins: [{ name: 'Nope' }] }, registry),
      /not in the registry/,
    ));
  it('refuses a score weight below 1', () =>
    assert.throws(
      () => newFramework({ schedulerName: 's', plugins: [{ name: 'Both', weight: 0 }] }, registry),
      /positive integer weight/,
    ));
});

describe('running filters on a node', () => {
  const nodeInfo = newNodeInfo(makeNode('n'));
  const pod = makePod('p');
  it('stops at the first rejection and stamps the plugin', () => {
    let laterRan = false;
    const later = () => {
      laterRan = true;
      return SuccessStatus;
    };
    const filters = [
      filterSaying('A', SuccessStatus),
      filterSaying('B', newStatus('Unschedulable', 'no')),
      filterSaying('C', later),
    ];
    const status = runFilterPlugins(filters, new Map(), pod, nodeInfo);
    assert.deepEqual([status.code, status.plugin, laterRan], ['Unschedulable', 'B', false]);
  });
  it('turns an exception into an Error that says which plugin', () => {
    const status = runFilterPlugins(
      [
        filterSaying('Broken', () => {
          throw new Error('boom');
        }),
      ],
      new Map(),
      pod,
      nodeInfo,
    );
    assert.deepEqual([status.code, status.reasons[0]], ['Error', 'running "Broken" filter plugin: boom']);
  });
  it('treats a code a filter may not return as an Error', () => {
    const status = runFilterPlugins([filterSaying('Odd', newStatus('Skip'))], new Map(), pod, nodeInfo);
    assert.equal(status.code, 'Error');
  });
  it('PreFilter Skip is remembered, not a failure', () => {
    const skipper: PreFilterPlugin = { name: 'Skipper', preFilter: () => newStatus('Skip') };
    const framework = { ...newFramework({ schedulerName: 's', plugins: [] }, new Map()), preFilterPlugins: [skipper] };
    const result = runPreFilterPlugins(framework, new Map(), pod);
    assert.deepEqual([result.status.code, [...result.skipped]], ['Success', ['Skipper']]);
  });
});
