import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../client/types.js';
import { PodDeletionCostAnnotation, podsToDelete } from './pods.js';

interface PodFields {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: string;
  restarts?: number[];
  created?: string;
  cost?: string;
}

const pod = (name: string, fields: PodFields): KubeObject => ({
  metadata: {
    name,
    creationTimestamp: fields.created ?? '2026-01-01T00:00:00Z',
    annotations: fields.cost ? { [PodDeletionCostAnnotation]: fields.cost } : {},
  },
  spec: fields.node ? { nodeName: fields.node } : {},
  status: {
    phase: fields.phase ?? 'Running',
    conditions: [
      {
        type: 'Ready',
        status: fields.ready ? 'True' : 'False',
        lastTransitionTime: fields.readySince ?? '2026-01-01T00:00:00Z',
      },
    ],
    containerStatuses: (fields.restarts ?? [0]).map((restartCount) => ({ restartCount })),
  },
});

/** Related pods that crowd node n1 with three of the family. */
const crowd = [pod('r1', { node: 'n1' }), pod('r2', { node: 'n1' }), pod('r3', { node: 'n1' })];

describe('which pods a ReplicaSet deletes first', () => {
  const cases: Array<[string, KubeObject[], string]> = [
    [
      'an unscheduled pod before a scheduled one',
      [pod('scheduled', { node: 'n1', ready: true }), pod('unscheduled', { phase: 'Pending' })],
      'unscheduled',
    ],
    [
      'a pending pod before a running one',
      [pod('running', { node: 'n1' }), pod('pending', { node: 'n1', phase: 'Pending' })],
      'pending',
    ],
    [
      'an Unknown pod before a running one',
      [pod('running', { node: 'n1' }), pod('unknown', { node: 'n2', phase: 'Unknown' })],
      'unknown',
    ],
    [
      'a not-ready pod before a ready one',
      [pod('ready', { node: 'n1', ready: true }), pod('not-ready', { node: 'n1' })],
      'not-ready',
    ],
    [
      'the lower pod-deletion-cost before a crowded node',
      [pod('crowded', { node: 'n1', ready: true }), pod('cheap', { node: 'n2', ready: true, cost: '-5' })],
      'cheap',
    ],
    [
      'a cost that is not an integer counts as 0',
      [pod('zero', { node: 'n2', ready: true, cost: 'lots' }), pod('costly', { node: 'n3', ready: true, cost: '10' })],
      'zero',
    ],
    [
      'a pod on a crowded node before one alone',
      [pod('alone', { node: 'n2', ready: true }), pod('crowded', { node: 'n1', ready: true })],
      'crowded',
    ],
    [
      'the pod ready more recently first',
      [
        pod('long-ready', { node: 'n2', ready: true, readySince: '2026-01-01T00:00:00Z' }),
        pod('just-ready', { node: 'n3', ready: true, readySince: '2026-01-01T00:05:00Z' }),
      ],
      'just-ready',
    ],
    [
      'a pod whose one container restarted most, not the one with most restarts in all',
      [
        pod('many-small', { node: 'n2', ready: true, restarts: [2, 2, 2] }),
        pod('one-big', { node: 'n3', ready: true, restarts: [4] }),
      ],
      'one-big',
    ],
    [
      'a newer pod before an older one',
      [
        pod('old', { node: 'n2', created: '2026-01-01T00:00:00Z' }),
        pod('new', { node: 'n3', created: '2026-01-02T00:00:00Z' }),
      ],
      'new',
    ],
  ];
  for (const [name, pods, first] of cases) {
    it(name, () => assert.equal(podsToDelete(pods, [...crowd, ...pods], 1)[0]?.metadata.name, first));
  }

  it('a ReplicaSet without relatives ranks every pod 0, so crowding decides nothing', () => {
    const pods = [
      pod('crowded-new', { node: 'n1', created: '2026-01-02T00:00:00Z' }),
      pod('alone-newer', { node: 'n2', created: '2026-01-03T00:00:00Z' }),
    ];
    assert.equal(podsToDelete(pods, [], 1)[0]?.metadata.name, 'alone-newer');
  });

  it('asked for more pods than there are, it gives every pod, ranked', () => {
    const pods = [pod('a', { node: 'n1', ready: true }), pod('b', {})];
    assert.deepEqual(
      podsToDelete(pods, pods, 3).map((chosen) => chosen.metadata.name),
      ['b', 'a'],
    );
  });
});
