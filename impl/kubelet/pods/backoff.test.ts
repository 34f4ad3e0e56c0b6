import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff, goDuration } from './backoff.js';
import { shouldRestart } from './restart-policy.js';

describe("the kubelet's back-off", () => {
  it('doubles from the first delay up to the longest, and starts again after a long quiet', () => {
    const backoff = new Backoff(10_000, 300_000);
    const delays = Array.from({ length: 7 }, (_, index) => backoff.next('pod/c', index * 1000));
    assert.deepEqual(delays, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    assert.equal(backoff.next('pod/c', 7000 + 600_001), 10_000);
  });

  it('says how long is left of the wait after a failure', () => {
    const backoff = new Backoff(10_000, 300_000);
    assert.equal(backoff.remaining('pod/c', 0, 0), 0);
    backoff.next('pod/c', 0);
    assert.equal(backoff.remaining('pod/c', 1000, 4000), 7000);
    assert.equal(backoff.remainingSinceLastFailure('pod/c', 4000), 6000);
  });

  it("prints its delays as Go's durations", () => {
    assert.deepEqual([10_000, 80_000, 300_000].map(goDuration), ['10s', '1m20s', '5m0s']);
  });
});

describe('restart policies', () => {
  it('restart every exit, only failures, or none', () => {
    assert.deepEqual(
      [0, 1].map((code) => shouldRestart('Always', code)),
      [true, true],
    );
    assert.deepEqual(
      [0, 1].map((code) => shouldRestart('OnFailure', code)),
      [false, true],
    );
    assert.deepEqual(
      [0, 1].map((code) => shouldRestart('Never', code)),
      [false, false],
    );
    assert.deepEqual(
      [0, 1].map((code) => shouldRestart('Always', code, true)),
      [false, true],
    );
  });
});
