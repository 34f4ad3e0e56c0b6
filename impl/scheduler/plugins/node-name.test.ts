import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import type { Status } from '../framework/types.js';
import { NodeName } from './node-name.js';

const verdict = (status: Status) => [status.code, ...status.reasons];

describe('NodeName', () => {
  const plugin = new NodeName();
  it('PreFilter skips a pod that names no node', () =>
    assert.equal(plugin.preFilter(new Map(), makePod('p')).code, 'Skip'));
  it('the named node fits', () =>
    assert.deepEqual(verdict(plugin.filter(new Map(), makePod('p', { nodeName: 'n' }), newNodeInfo(makeNode('n')))), [
      'Success',
    ]));
  it('another node does not', () => {
    assert.deepEqual(verdict(plugin.filter(new Map(), makePod('p', { nodeName: 'n' }), newNodeInfo(makeNode('m')))), [
      'UnschedulableAndUnresolvable',
      "node(s) didn't match the requested node name",
    ]);
  });
});
