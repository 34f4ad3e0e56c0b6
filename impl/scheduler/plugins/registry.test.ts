import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newFramework } from '../framework/framework.js';
import { DefaultProfile, newInTreeRegistry } from './registry.js';

describe('the default profile', () => {
  const framework = newFramework(DefaultProfile, newInTreeRegistry());
  it('filters in Kubernetes order', () => {
    assert.deepEqual(
      framework.filterPlugins.map((plugin) => plugin.name),
      ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit'],
    );
  });
  it('weighs the scorers as Kubernetes does', () => {
    assert.deepEqual(
      framework.scorePlugins.map(({ plugin, weight }) => [plugin.name, weight]),
      [
        ['TaintToleration', 3],
        ['NodeAffinity', 2],
        ['NodeResourcesFit', 1],
        ['PodTopologySpread', 2],
        ['NodeResourcesBalancedAllocation', 1],
      ],
    );
  });
  it('has DefaultPreemption as its PostFilter', () =>
    assert.deepEqual(
      framework.postFilterPlugins.map((plugin) => plugin.name),
      ['DefaultPreemption'],
    ));
  it('every registered plugin is named as its factory says', () => {
    for (const [name, factory] of newInTreeRegistry()) assert.equal(factory().name, name);
  });
});
