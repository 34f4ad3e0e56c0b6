import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayAcquire } from './leader-election.js';

describe('who may take the lease', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  const cases: Array<[string, Parameters<typeof mayAcquire>[0], boolean]> = [
    ['nobody holds it', undefined, true],
    ['we hold it already', { holderIdentity: 'me', renewTime: '2026-01-01T00:00:59Z', leaseDurationSeconds: 15 }, true],
    ['another holder renewed recently', { holderIdentity: 'other', renewTime: '2026-01-01T00:00:50Z', leaseDurationSeconds: 15 }, false],
    ['another holder stopped renewing a lease duration ago', { holderIdentity: 'other', renewTime: '2026-01-01T00:00:40Z', leaseDurationSeconds: 15 }, true],
  ];
  for (const [name, spec, expected] of cases) it(name, () => assert.equal(mayAcquire(spec, 'me', now), expected));
});
