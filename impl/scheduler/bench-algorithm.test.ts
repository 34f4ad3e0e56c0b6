import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { benchmarkAlgorithm, seededRandom } from './bench-algorithm.js';

describe('the algorithm benchmark', () => {
  it('schedules every pod on a small synthetic cluster and reports a rate', () => {
    const result = benchmarkAlgorithm(200, 50, { placedPods: 100, warmupPods: 10 });
    assert.deepEqual([result.scheduledPods, result.unschedulablePods], [50, 0]);
    assert.ok(result.podsPerSecond > 0 && result.microsecondsPerPod > 0);
  });
  it('its random source is seeded, uniform over the bound, and repeatable', () => {
    const draws = Array.from({ length: 1000 }, seededRandom(1).bind(undefined, 4));
    assert.deepEqual(draws, Array.from({ length: 1000 }, seededRandom(1).bind(undefined, 4)));
    assert.deepEqual([...new Set(draws)].sort(), [0, 1, 2, 3]);
  });
});
