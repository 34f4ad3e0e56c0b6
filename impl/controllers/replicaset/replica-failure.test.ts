import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../client/types.js';
import { replicaFailureConditions } from './replicaset-controller.js';

const now = new Date('2026-01-01T00:00:00Z');
const set = (replicas: number, conditions?: Array<Record<string, string>>): KubeObject => ({
  metadata: { name: 'web' },
  spec: { replicas },
  status: conditions ? { conditions } : {},
});
const pods = (count: number): KubeObject[] =>
  Array.from({ length: count }, (_, index) => ({ metadata: { name: `web-${index}` } }));
const failure = {
  type: 'ReplicaFailure',
  status: 'True',
  lastTransitionTime: '2026-01-01T00:00:00Z',
  reason: 'FailedCreate',
  message: 'quota exceeded',
};

describe('the ReplicaFailure condition a sync leaves', () => {
  it('a failed sync that had pods to create says FailedCreate, with the error as message', () => {
    assert.deepEqual(replicaFailureConditions(set(3), pods(1), new Error('quota exceeded'), now), [failure]);
  });

  it('a failed sync that had pods to delete says FailedDelete', () => {
    assert.equal(replicaFailureConditions(set(1), pods(3), new Error('refused'), now)?.[0]?.reason, 'FailedDelete');
  });

  it('a condition already there is kept as it was while failures go on', () => {
    assert.deepEqual(replicaFailureConditions(set(3, [failure]), pods(1), new Error('something else'), now), [failure]);
  });

  it('a sync without failure removes it', () => {
    assert.equal(replicaFailureConditions(set(3, [failure]), pods(3), undefined, now), undefined);
  });
});
