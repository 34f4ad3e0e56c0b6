import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeploymentSpec } from '../../client/types.js';
import { countedReplicas, newReplicaSetReplicas, oldReplicaSetSizes, type SetCounts } from './rolling-update.js';

const rolling = (replicas: number): DeploymentSpec => ({
  replicas,
  strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
});
const set = (
  name: string,
  replicas: number,
  availableReplicas: number,
  createdAt = '2026-01-01T00:00:00Z',
  statusReplicas = replicas,
): SetCounts => ({ name, replicas, availableReplicas, createdAt, statusReplicas });

describe('how far the new ReplicaSet may grow', () => {
  const cases: Array<[string, DeploymentSpec, number, number, number]> = [
    ['a new deployment of 3 gets all 3 pods at once', rolling(3), 0, 0, 3],
    ['a rollout of 4 starts with the one pod maxSurge allows', rolling(4), 4, 0, 1],
    ['at replicas + maxSurge it waits for old pods to go', rolling(4), 5, 1, 1],
    ['once two old pods went, it grows by two', rolling(4), 3, 1, 3],
    ['never beyond replicas', rolling(4), 0, 3, 4],
    ['Recreate sizes it whole', { replicas: 4, strategy: { type: 'Recreate' } }, 0, 0, 4],
  ];
  for (const [name, spec, total, current, expected] of cases) {
    it(name, () => assert.equal(newReplicaSetReplicas(spec, total, current), expected));
  }
});

describe('the pods counted against maxSurge', () => {
  it('include those a shrinking set has not deleted yet', () =>
    assert.equal(
      countedReplicas([set('old', 3, 4, '2026-01-01T00:00:00Z', 4), set('new', 1, 0, '2026-01-02T00:00:00Z', 0)]),
      5,
    ));
});

describe('how far the old ReplicaSets may shrink', () => {
  const cases: Array<[string, DeploymentSpec, SetCounts, SetCounts[], Record<string, number>]> = [
    [
      'the unavailability budget lets one old pod go before the new one is ready',
      rolling(4),
      set('new', 1, 0),
      [set('old', 4, 4)],
      { old: 3 },
    ],
    ['a ready surge pod lets two old pods go', rolling(4), set('new', 1, 1), [set('old', 4, 4)], { old: 2 }],
    ['nothing goes while unavailable new pods use up the budget', rolling(4), set('new', 3, 0), [set('old', 2, 2)], {}],
    [
      'unavailable old pods go first, from the oldest set',
      rolling(4),
      set('new', 1, 1),
      [set('older', 2, 1, '2026-01-01T00:00:00Z'), set('newer', 2, 2, '2026-01-02T00:00:00Z')],
      { older: 0 },
    ],
    ['nothing to do without old replicas', rolling(4), set('new', 4, 4), [set('old', 0, 0)], {}],
    [
      'an old set reporting more available pods than it asks for has a stale status: wait for a fresh one',
      rolling(4),
      set('new', 2, 2),
      [set('old', 2, 3, '2026-01-01T00:00:00Z', 3)],
      {},
    ],
  ];
  for (const [name, spec, newSet, oldSets, expected] of cases) {
    it(name, () => assert.deepEqual(Object.fromEntries(oldReplicaSetSizes(spec, newSet, oldSets)), expected));
  }
});
