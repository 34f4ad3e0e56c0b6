import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayAcquire } from './leader-election.js';

describe('who may take the lease', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  const secondsAgo = (seconds: number) => now - seconds * 1000;
  const cases: Array<[string, Parameters<typeof mayAcquire>[0], number, boolean]> = [
    ['nobody holds it', undefined, now, true],
    [
      'we hold it already',
      { holderIdentity: 'me', renewTime: '2026-01-01T00:00:59Z', leaseDurationSeconds: 15 },
      now,
      true,
    ],
    [
      'another holder was seen renewing recently',
      { holderIdentity: 'other', renewTime: '2026-01-01T00:00:50Z', leaseDurationSeconds: 15 },
      secondsAgo(10),
      false,
    ],
    [
      'another holder was seen renewing no more for a lease duration',
      { holderIdentity: 'other', renewTime: '2026-01-01T00:00:40Z', leaseDurationSeconds: 15 },
      secondsAgo(15),
      true,
    ],
    // A candidate that has just started has not watched the Lease for a lease duration yet,
    // however old its renewTime looks: the holder's clock, or a slow renewal, may explain it.
    [
      "another holder's old renewTime, just seen for the first time",
      { holderIdentity: 'other', renewTime: '2026-01-01T00:00:10Z', leaseDurationSeconds: 15 },
      now,
      false,
    ],
  ];
  for (const [name, spec, observedAt, expected] of cases)
    it(name, () => assert.equal(mayAcquire(spec, 'me', observedAt, now), expected));
});
