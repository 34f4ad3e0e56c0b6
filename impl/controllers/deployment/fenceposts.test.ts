import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeploymentSpec, IntOrString } from '../../client/types.js';
import { TerminalError } from '../../client/reconcile.js';
import { maxSurge, maxUnavailable, resolveFenceposts } from './fenceposts.js';

describe('resolving maxSurge and maxUnavailable', () => {
  const cases: Array<[string, IntOrString, IntOrString, number, { maxSurge: number; maxUnavailable: number }]> = [
    ['25% of 4 replicas allows one pod more and one pod missing', '25%', '25%', 4, { maxSurge: 1, maxUnavailable: 1 }],
    [
      '25% of 3 replicas rounds surge up to 1 and unavailable down to 0',
      '25%',
      '25%',
      3,
      { maxSurge: 1, maxUnavailable: 0 },
    ],
    ['25% of 10 replicas allows 3 more and 2 missing', '25%', '25%', 10, { maxSurge: 3, maxUnavailable: 2 }],
    ['numbers are taken as they are', 2, 3, 10, { maxSurge: 2, maxUnavailable: 3 }],
    ['both zero would never move, so one pod may be unavailable', 0, 0, 5, { maxSurge: 0, maxUnavailable: 1 }],
    [
      'percentages that round to zero on both sides also give one unavailable',
      '0%',
      '10%',
      5,
      { maxSurge: 0, maxUnavailable: 1 },
    ],
  ];
  for (const [name, surge, unavailable, desired, expected] of cases) {
    it(name, () => assert.deepEqual(resolveFenceposts(surge, unavailable, desired), expected));
  }

  it('a string that is not a percentage is an error retrying cannot fix', () => {
    assert.throws(() => resolveFenceposts('many', '25%', 4), TerminalError);
  });
});

describe("a deployment's own maxSurge and maxUnavailable", () => {
  const rolling = (replicas: number, surge: IntOrString, unavailable: IntOrString): DeploymentSpec => ({
    replicas,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
  });
  const cases: Array<[string, DeploymentSpec, number, number]> = [
    ['the defaults for 4 replicas', rolling(4, '25%', '25%'), 1, 1],
    ['maxUnavailable never exceeds replicas', rolling(3, 0, 5), 0, 3],
    ['no pod can be unavailable out of zero', rolling(0, '25%', '25%'), 0, 0],
    ['Recreate surges nothing and counts no budget', { replicas: 4, strategy: { type: 'Recreate' } }, 0, 0],
  ];
  for (const [name, spec, surge, unavailable] of cases) {
    it(name, () => assert.deepEqual([maxSurge(spec), maxUnavailable(spec)], [surge, unavailable]));
  }
});
