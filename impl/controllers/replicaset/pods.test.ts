import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../client/types.js';
import { podsToDelete } from './pods.js';

const pod = (name: string, fields: { node?: string; phase?: string; ready?: boolean; restarts?: number; created?: string }): KubeObject => ({
  metadata: { name, creationTimestamp: fields.created ?? '2026-01-01T00:00:00Z' },
  spec: fields.node ? { nodeName: fields.node } : {},
  status: {
    phase: fields.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: fields.ready ? 'True' : 'False', lastTransitionTime: '2026-01-01T00:00:00Z' }],
    containerStatuses: [{ restartCount: fields.restarts ?? 0 }],
  },
});

describe('which pods a ReplicaSet deletes first', () => {
  const cases: Array<[string, KubeObject[], string]> = [
    ['an unscheduled pod before a scheduled one', [pod('scheduled', { node: 'n1', ready: true }), pod('unscheduled', { phase: 'Pending' })], 'unscheduled'],
    ['a pending pod before a running one', [pod('running', { node: 'n1' }), pod('pending', { node: 'n1', phase: 'Pending' })], 'pending'],
    ['a not-ready pod before a ready one', [pod('ready', { node: 'n1', ready: true }), pod('not-ready', { node: 'n1' })], 'not-ready'],
    ['a pod on a crowded node before one alone', [pod('alone', { node: 'n2', ready: true }), pod('crowded', { node: 'n1', ready: true })], 'crowded'],
    ['a pod that restarted more before one that did not', [pod('steady', { node: 'n2', ready: true }), pod('flapping', { node: 'n3', ready: true, restarts: 4 })], 'flapping'],
    ['a newer pod before an older one', [pod('old', { node: 'n2', created: '2026-01-01T00:00:00Z' }), pod('new', { node: 'n3', created: '2026-01-02T00:00:00Z' })], 'new'],
  ];
  const crowding = new Map([['n1', 3], ['n2', 1], ['n3', 1]]);
  for (const [name, pods, first] of cases) {
    it(name, () => assert.equal(podsToDelete(pods, 1, crowding)[0]?.metadata.name, first));
  }
});
