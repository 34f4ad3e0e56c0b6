import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../client/types.js';
import { calculateStatus, getCondition, progressCheckAfterMs, rolloutStatus } from './status.js';

const now = new Date('2026-01-01T00:10:00Z');
const earlier = '2026-01-01T00:00:00Z';
const deployment = (replicas: number, status: Deployment['status'] = {}, generation = 1): Deployment => ({
  metadata: { name: 'web', generation },
  spec: {
    replicas,
    progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
  status,
});
const rs = (name: string, replicas: number, ready: number): ReplicaSet => ({
  metadata: { name },
  spec: { replicas },
  status: { replicas, readyReplicas: ready, availableReplicas: ready },
});
const progressing = (reason: string): DeploymentCondition => ({
  type: 'Progressing',
  status: 'True',
  reason,
  message: '',
  lastUpdateTime: earlier,
  lastTransitionTime: earlier,
});
const summary = (condition: DeploymentCondition | undefined) =>
  condition && [condition.status, condition.reason, condition.message];

describe("a deployment's counts", () => {
  it("add up over all its ReplicaSets; updated ones are the new set's", () => {
    const status = calculateStatus(deployment(4), [rs('old', 3, 3), rs('new', 2, 1)], rs('new', 2, 1), now);
    assert.deepEqual(
      [
        status.replicas,
        status.updatedReplicas,
        status.readyReplicas,
        status.availableReplicas,
        status.unavailableReplicas,
        status.observedGeneration,
      ],
      [5, 2, 4, 4, 1, 1],
    );
  });
  it('never count a negative number unavailable while scaling down: zero, which is left out', () =>
    assert.equal(calculateStatus(deployment(2), [rs('new', 2, 3)], undefined, now).unavailableReplicas, undefined));
});

describe('the Available condition', () => {
  const cases: Array<[string, number, ReplicaSet[], unknown]> = [
    [
      'replicas - maxUnavailable available is enough',
      4,
      [rs('web', 4, 3)],
      ['True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
    ],
    [
      'fewer is not',
      4,
      [rs('web', 4, 2)],
      ['False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ],
  ];
  for (const [name, replicas, sets, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        summary(getCondition(calculateStatus(deployment(replicas), sets, sets[0], now), 'Available')),
        expected,
      ),
    );
  }
});

describe('the Progressing condition', () => {
  it('says the new ReplicaSet has successfully progressed once every replica is updated and available', () => {
    const status = rolloutStatus(
      deployment(2, { conditions: [progressing('ReplicaSetUpdated')] }),
      [rs('web-new', 2, 2)],
      rs('web-new', 2, 2),
      now,
    );
    assert.deepEqual(summary(getCondition(status, 'Progressing')), [
      'True',
      'NewReplicaSetAvailable',
      'ReplicaSet "web-new" has successfully progressed.',
    ]);
  });
  it('moves lastUpdateTime, not lastTransitionTime, while the rollout makes progress', () => {
    const status = rolloutStatus(
      deployment(4, { replicas: 4, updatedReplicas: 0, conditions: [progressing('NewReplicaSetCreated')] }),
      [rs('web-old', 4, 4), rs('web-new', 1, 0)],
      rs('web-new', 1, 0),
      now,
    );
    const condition = getCondition(status, 'Progressing');
    assert.deepEqual(
      [...(summary(condition) ?? []), condition?.lastUpdateTime, condition?.lastTransitionTime],
      ['True', 'ReplicaSetUpdated', 'ReplicaSet "web-new" is progressing.', '2026-01-01T00:10:00Z', earlier],
    );
  });
  it('turns False with ProgressDeadlineExceeded when nothing moved within the deadline', () => {
    const stuck = deployment(4, {
      replicas: 5,
      updatedReplicas: 1,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [{ ...progressing('ReplicaSetUpdated'), lastUpdateTime: '2025-12-31T23:59:00Z' }],
    });
    const status = rolloutStatus(stuck, [rs('web-old', 4, 4), rs('web-new', 1, 0)], rs('web-new', 1, 0), now);
    assert.deepEqual(summary(getCondition(status, 'Progressing')), [
      'False',
      'ProgressDeadlineExceeded',
      'ReplicaSet "web-new" has timed out progressing.',
    ]);
  });
  it('asks to be checked again when the deadline passes', () => {
    const waiting = deployment(4, {
      replicas: 5,
      updatedReplicas: 1,
      conditions: [{ ...progressing('ReplicaSetUpdated'), lastUpdateTime: '2026-01-01T00:09:00Z' }],
    });
    assert.equal(progressCheckAfterMs(waiting, waiting.status ?? {}, now), 9 * 60_000 + 1000);
  });
});

describe('the ReplicaFailure condition', () => {
  const failing = (name: string, reason: string, replicas = 2): ReplicaSet => ({
    ...rs(name, replicas, 0),
    status: {
      replicas: 0,
      conditions: [
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason,
          message: `pods "${name}-" is forbidden`,
          lastTransitionTime: earlier,
        },
      ],
    },
  });
  it('is copied from the new ReplicaSet, both times its transition time', () => {
    const status = rolloutStatus(
      deployment(2),
      [failing('web-new', 'FailedCreate')],
      failing('web-new', 'FailedCreate'),
      now,
    );
    assert.deepEqual(getCondition(status, 'ReplicaFailure'), {
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message: 'pods "web-new-" is forbidden',
      lastUpdateTime: earlier,
      lastTransitionTime: earlier,
    });
  });
  it("prefers the new ReplicaSet's failure to an old one's", () => {
    const status = rolloutStatus(
      deployment(2),
      [failing('web-old', 'FailedDelete'), failing('web-new', 'FailedCreate')],
      failing('web-new', 'FailedCreate'),
      now,
    );
    assert.equal(getCondition(status, 'ReplicaFailure')?.reason, 'FailedCreate');
  });
  it("falls back to an old ReplicaSet's failure", () => {
    const status = rolloutStatus(
      deployment(2),
      [failing('web-old', 'FailedDelete'), rs('web-new', 2, 2)],
      rs('web-new', 2, 2),
      now,
    );
    assert.equal(getCondition(status, 'ReplicaFailure')?.reason, 'FailedDelete');
  });
  it('is removed once no ReplicaSet fails', () => {
    const before = {
      conditions: [
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          lastUpdateTime: earlier,
          lastTransitionTime: earlier,
        } as DeploymentCondition,
      ],
    };
    const status = rolloutStatus(deployment(2, before), [rs('web-new', 2, 2)], rs('web-new', 2, 2), now);
    assert.equal(getCondition(status, 'ReplicaFailure'), undefined);
  });
  it('is copied even without a progress deadline', () => {
    const noDeadline = deployment(2);
    noDeadline.spec = { ...noDeadline.spec, progressDeadlineSeconds: 2147483647 };
    assert.equal(
      getCondition(
        rolloutStatus(noDeadline, [failing('web-new', 'FailedCreate')], failing('web-new', 'FailedCreate'), now),
        'ReplicaFailure',
      )?.reason,
      'FailedCreate',
    );
  });
});
