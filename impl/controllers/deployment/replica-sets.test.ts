import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment, ReplicaSet } from '../../client/types.js';
import {
  findNewReplicaSet,
  newReplicaSetFor,
  replicaSetsToCleanUp,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  syncReplicaSetAnnotations,
} from './replica-sets.js';

const template = (image: string) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image, resources: {} }] },
});
const deployment = (image: string, annotations: Record<string, string> = {}): Deployment => ({
  metadata: { name: 'web', namespace: 'shop', uid: 'd-1', annotations },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    template: template(image),
    revisionHistoryLimit: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
});
const replicaSet = (
  name: string,
  fields: { image?: string; revision?: number; replicas?: number; statusReplicas?: number; created?: string } = {},
): ReplicaSet => ({
  metadata: {
    name,
    creationTimestamp: fields.created ?? '2026-01-01T00:00:00Z',
    annotations: { [RevisionAnnotation]: String(fields.revision ?? 1) },
    generation: 1,
  },
  spec: {
    replicas: fields.replicas ?? 0,
    template: {
      ...template(fields.image ?? 'kubelab/sleeper'),
      metadata: { labels: { app: 'web', 'pod-template-hash': name } },
    },
  },
  status: { replicas: fields.statusReplicas ?? fields.replicas ?? 0, observedGeneration: 1 },
});

describe('the new ReplicaSet for a template', () => {
  it('is named after the deployment and the hash, which labels its selector, its pods and itself', () => {
    const rs = newReplicaSetFor(deployment('kubelab/echo'), 2, 1);
    const hash = rs.spec?.template?.metadata?.labels?.['pod-template-hash'] ?? '';
    assert.equal(rs.metadata.name, `web-${hash}`);
    assert.deepEqual(
      [rs.spec?.selector?.matchLabels, rs.metadata.labels],
      [
        { app: 'web', 'pod-template-hash': hash },
        { app: 'web', 'pod-template-hash': hash },
      ],
    );
    assert.deepEqual(rs.metadata.ownerReferences, [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: 'd-1',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    assert.deepEqual(rs.metadata.annotations, {
      [RevisionAnnotation]: '2',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });
});

describe('finding the new ReplicaSet', () => {
  const cases: Array<[string, Deployment, ReplicaSet[], string | undefined]> = [
    [
      'the one whose template matches, hash label aside',
      deployment('kubelab/echo'),
      [replicaSet('a'), replicaSet('b', { image: 'kubelab/echo' })],
      'b',
    ],
    ['none when the template is new', deployment('kubelab/crasher'), [replicaSet('a')], undefined],
    [
      'an empty map where the other has none is no difference',
      {
        ...deployment('kubelab/sleeper'),
        spec: {
          ...deployment('').spec,
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'app', image: 'kubelab/sleeper' }] },
          },
        },
      },
      [replicaSet('a')],
      'a',
    ],
  ];
  for (const [name, d, sets, expected] of cases) {
    it(name, () => assert.equal(findNewReplicaSet(d, sets)?.metadata.name, expected));
  }
});

describe("a ReplicaSet's annotations", () => {
  it('rolling back to it raises its revision and keeps the former one in revision-history', () => {
    const rs = replicaSet('a', { revision: 1 });
    assert.equal(syncReplicaSetAnnotations(deployment('kubelab/sleeper'), rs, 3, true), true);
    assert.deepEqual(
      [rs.metadata.annotations?.[RevisionAnnotation], rs.metadata.annotations?.[RevisionHistoryAnnotation]],
      ['3', '1'],
    );
  });
  it("take the deployment's change-cause but never its last-applied-configuration", () => {
    const rs = replicaSet('a', { revision: 2 });
    syncReplicaSetAnnotations(
      deployment('kubelab/sleeper', {
        'kubernetes.io/change-cause': 'v2',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      }),
      rs,
      2,
      true,
    );
    assert.deepEqual(rs.metadata.annotations, { [RevisionAnnotation]: '2', 'kubernetes.io/change-cause': 'v2' });
  });
  it('stay as they are when nothing changed', () =>
    assert.equal(
      syncReplicaSetAnnotations(deployment('kubelab/sleeper'), replicaSet('a', { revision: 3 }), 3, true),
      false,
    ));
});

describe('cleaning up old ReplicaSets', () => {
  const cases: Array<[string, ReplicaSet[], string[]]> = [
    [
      'beyond revisionHistoryLimit the lowest revisions go',
      [replicaSet('r2', { revision: 2 }), replicaSet('r1', { revision: 1 })],
      ['r1'],
    ],
    ['within the limit nothing goes', [replicaSet('r1')], []],
    [
      'a set that still has replicas stays',
      [replicaSet('r1', { revision: 1, replicas: 1 }), replicaSet('r2', { revision: 2 })],
      [],
    ],
    [
      'a set whose pods are still going stays',
      [replicaSet('r1', { revision: 1, statusReplicas: 1 }), replicaSet('r2', { revision: 2 })],
      [],
    ],
  ];
  for (const [name, sets, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        replicaSetsToCleanUp(deployment('kubelab/echo'), sets).map((rs) => rs.metadata.name),
        expected,
      ),
    );
  }
});
