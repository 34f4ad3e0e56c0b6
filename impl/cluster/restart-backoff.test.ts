import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restartDelay } from './restart-backoff.js';

test('the first death is restarted at once, the next ones after 10 s, 20 s, 40 s', () => {
  let state: { deaths: number; startedAt: number } | undefined;
  const delays: number[] = [];
  for (let now = 0; delays.length < 4; now += 1000) {
    const next = restartDelay(state, now);
    delays.push(next.delayMs);
    state = { deaths: next.deaths, startedAt: now + next.delayMs };
  }
  assert.deepEqual(delays, [0, 10_000, 20_000, 40_000]);
});

test('the delay is capped at five minutes', () => {
  assert.equal(restartDelay({ deaths: 20, startedAt: 0 }, 1000).delayMs, 300_000);
});

test('ten minutes of running forget the earlier deaths', () => {
  assert.deepEqual(restartDelay({ deaths: 5, startedAt: 0 }, 600_000), { delayMs: 0, deaths: 1 });
});
