import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, NodeCondition } from '../../client/types.js';
import { gracePeriodMs, type NodeHealth, observeHealth, unknownConditions } from './node-health.js';

const created = '2026-01-01T00:00:00Z';
const createdMs = Date.parse(created);
function node(conditions?: NodeCondition[]): Node {
  return { metadata: { name: 'n', creationTimestamp: created }, status: conditions ? { conditions } : {} };
}
const ready = (heartbeat: string): NodeCondition => ({
  type: 'Ready',
  status: 'True',
  lastHeartbeatTime: heartbeat,
  lastTransitionTime: created,
});

describe('observeHealth', () => {
  const seen: NodeHealth = { probeTime: 1000, readyHeartbeat: 'h1', leaseRenewTime: '2026-01-01T00:00:10.000000Z' };
  const cases: Array<[string, NodeHealth | undefined, Node, string | undefined, number]> = [
    ['a node seen for the first time counts from now', undefined, node([ready('h1')]), undefined, 5000],
    ['a node that never posted Ready counts from its creation', undefined, node(), undefined, createdMs],
    ['nothing new keeps the old probe time', seen, node([ready('h1')]), '2026-01-01T00:00:10.000000Z', 1000],
    ['a new Ready heartbeat is a sign of life', seen, node([ready('h2')]), '2026-01-01T00:00:10.000000Z', 5000],
    ['a renewed Lease is a sign of life', seen, node([ready('h1')]), '2026-01-01T00:00:20.000000Z', 5000],
    ['a Lease renewTime that went back is not', seen, node([ready('h1')]), '2026-01-01T00:00:05.000000Z', 1000],
  ];
  for (const [name, previous, observed, renewTime, probeTime] of cases) {
    it(name, () => assert.equal(observeHealth(previous, observed, renewTime, 5000).probeTime, probeTime));
  }
});

describe('gracePeriodMs', () => {
  const periods = { monitorMs: 50_000, startupMs: 60_000 };
  it('gives a node that has posted Ready the monitor grace period', () =>
    assert.equal(gracePeriodMs(node([ready('h')]), periods), 50_000));
  it('gives a node that never did the startup grace period', () =>
    assert.equal(gracePeriodMs(node(), periods), 60_000));
});

describe('unknownConditions', () => {
  const now = '2026-01-01T00:05:00Z';
  it('turns every kubelet condition Unknown with the reason kubectl describe shows, keeping the heartbeat', () => {
    const [readyAfter, memory] = unknownConditions(
      node([ready('h1'), { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' }]),
      now,
    );
    assert.deepEqual(readyAfter, {
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: 'h1',
      lastTransitionTime: now,
    });
    assert.equal(memory?.status, 'Unknown');
  });
  it('adds the conditions a kubelet never posted as never updated', () => {
    const conditions = unknownConditions(node(), now);
    assert.deepEqual(
      conditions.map((condition) => [condition.type, condition.reason]),
      [
        ['Ready', 'NodeStatusNeverUpdated'],
        ['MemoryPressure', 'NodeStatusNeverUpdated'],
        ['DiskPressure', 'NodeStatusNeverUpdated'],
        ['PIDPressure', 'NodeStatusNeverUpdated'],
      ],
    );
    assert.equal(conditions[0]?.message, 'Kubelet never posted node status.');
  });
  it('leaves a condition already Unknown as it is, transition time included', () => {
    const unknown: NodeCondition = {
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      lastTransitionTime: 'earlier',
    };
    assert.deepEqual(unknownConditions(node([unknown]), now)[0], unknown);
  });
  it('leaves NetworkUnavailable alone: the network plugin owns it', () => {
    const network: NodeCondition = { type: 'NetworkUnavailable', status: 'False' };
    assert.deepEqual(unknownConditions(node([network]), now)[0], network);
  });
});
