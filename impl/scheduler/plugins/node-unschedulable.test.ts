import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import type { Status } from '../framework/types.js';
import { NodeUnschedulable } from './node-unschedulable.js';

const verdict = (status: Status) => [status.code, ...status.reasons];

describe('NodeUnschedulable', () => {
  const plugin = new NodeUnschedulable();
  const cordoned = newNodeInfo(makeNode('n', { unschedulable: true }));
  it('a schedulable node fits', () =>
    assert.deepEqual(verdict(plugin.filter(new Map(), makePod('p'), newNodeInfo(makeNode('m')))), ['Success']));
  it('a cordoned node is rejected', () =>
    assert.deepEqual(verdict(plugin.filter(new Map(), makePod('p'), cordoned)), [
      'UnschedulableAndUnresolvable',
      'node(s) were unschedulable',
    ]));
  it('a pod tolerating the unschedulable taint gets in', () => {
    const pod = makePod('ds', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    });
    assert.deepEqual(verdict(plugin.filter(new Map(), pod, cordoned)), ['Success']);
  });
});
