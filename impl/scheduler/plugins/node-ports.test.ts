import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { newNodeInfo } from '../framework/node-info.js';
import type { Status } from '../framework/types.js';
import { NodePorts } from './node-ports.js';

const verdict = (status: Status) => [status.code, ...status.reasons];

describe('NodePorts', () => {
  const plugin = new NodePorts();
  const busy = newNodeInfo(makeNode('n'), [makePod('web', { ports: [{ containerPort: 80, hostPort: 80 }] })]);
  const run = (hostPort: number) => {
    const pod = makePod('p', { ports: [{ containerPort: 8080, hostPort }] });
    const state = new Map<string, unknown>();
    assert.equal(plugin.preFilter(state, pod).code, 'Success');
    return verdict(plugin.filter(state, pod, busy));
  };
  it('PreFilter skips a pod without host ports', () =>
    assert.equal(plugin.preFilter(new Map(), makePod('p')).code, 'Skip'));
  it('a free host port fits', () => assert.deepEqual(run(8080), ['Success']));
  it('a taken host port is Unschedulable', () =>
    assert.deepEqual(run(80), ['Unschedulable', "node(s) didn't have free ports for the requested pod ports"]));
});
