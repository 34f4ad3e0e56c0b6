import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeploymentSpec } from '../../client/types.js';
import { isScalingEvent, type ScaledSetCounts, scaledSizes } from './scaling.js';

const spec = (
  replicas: number,
  maxSurge: number | string = '25%',
  type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate',
): DeploymentSpec => ({ replicas, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable: 2 } } });
const set = (name: string, replicas: number, fields: Partial<ScaledSetCounts> = {}): ScaledSetCounts => ({
  name,
  replicas,
  availableReplicas: replicas,
  createdAt: '2026-01-01T00:00:00Z',
  statusReplicas: replicas,
  ...fields,
});

describe('recognising a scaling event', () => {
  const cases: Array<[string, ScaledSetCounts[], boolean]> = [
    ['an active set sized for another replica count', [set('web', 3, { desiredReplicas: 2 })], true],
    ['sets sized for the current replica count', [set('web', 3, { desiredReplicas: 3 })], false],
    [
      'a set scaled to zero does not count',
      [set('old', 0, { desiredReplicas: 2 }), set('web', 3, { desiredReplicas: 3 })],
      false,
    ],
    ['a set with no size annotation does not count', [set('web', 5)], false],
  ];
  for (const [name, sets, expected] of cases) {
    it(name, () => assert.equal(isScalingEvent(spec(3), sets), expected));
  }
});

describe('proportional scaling', () => {
  const cases: Array<
    [string, DeploymentSpec, number, ScaledSetCounts | undefined, ScaledSetCounts[], Record<string, number>]
  > = [
    ['the only active set takes the new size', spec(5), 3, set('new', 3), [set('old', 0)], { new: 5 }],
    [
      'with no active set the newest takes it',
      spec(2),
      0,
      undefined,
      [set('older', 0, { createdAt: '2026-01-01T00:00:00Z' }), set('newer', 0, { createdAt: '2026-01-02T00:00:00Z' })],
      { newer: 2 },
    ],
    [
      'a complete new set leaves the old ones at zero',
      spec(5),
      7,
      set('new', 5, { desiredReplicas: 5 }),
      [set('old', 2)],
      { old: 0 },
    ],
    // kubernetes.io's example: 10 replicas, maxSurge 3, stuck at 8 old and 5 new, scaled to 15.
    [
      'scaling 10 to 15 mid-rollout gives 3 to the 8 old pods and 2 to the 5 new ones',
      spec(15, 3),
      13,
      set('new', 5, { maxReplicas: 13, createdAt: '2026-01-02T00:00:00Z' }),
      [set('old', 8, { maxReplicas: 13 })],
      { old: 11, new: 7 },
    ],
    [
      'scaling down mid-rollout takes from both in proportion',
      spec(5, 1),
      12,
      set('new', 4, { maxReplicas: 12, createdAt: '2026-01-02T00:00:00Z' }),
      [set('old', 8, { maxReplicas: 12 })],
      { old: 4, new: 2 },
    ],
    ['Recreate never shares', spec(5, 0, 'Recreate'), 6, set('new', 3), [set('old', 3)], {}],
  ];
  for (const [name, deploymentSpec, statusReplicas, newSet, oldSets, expected] of cases) {
    it(name, () =>
      assert.deepEqual(Object.fromEntries(scaledSizes(deploymentSpec, statusReplicas, newSet, oldSets)), expected),
    );
  }
});
