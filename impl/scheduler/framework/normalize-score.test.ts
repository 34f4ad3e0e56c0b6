import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultNormalizeScore, integerDivide } from './normalize-score.js';

describe('DefaultNormalizeScore', () => {
  const cases: Array<[string, boolean, number[], number[]]> = [
    ['scales so the best node gets 100', false, [0, 30, 60], [0, 50, 100]],
    ['truncates like integer division', false, [1, 3], [33, 100]],
    ['reversed, the smallest count gets 100', true, [0, 1, 2], [100, 50, 0]],
    ['all zero stays zero', false, [0, 0], [0, 0]],
    ['all zero reversed becomes 100', true, [0, 0], [100, 100]],
  ];
  for (const [name, reverse, raw, expected] of cases) {
    it(name, () => {
      const scores = raw.map((score, index) => ({ name: `n${index}`, score }));
      defaultNormalizeScore(100, reverse, scores);
      assert.deepEqual(
        scores.map((entry) => entry.score),
        expected,
      );
    });
  }
});

describe('integer division as Go does it', () => {
  const cases: Array<[string, number, number, number]> = [
    ['truncates a positive quotient', 7, 2, 3],
    ['truncates toward zero for a negative quotient', -7, 2, -3],
    ['is exact on large byte counts', 8 * 2 ** 30 * 100 - 1, 8 * 2 ** 30, 99],
    ['an exact quotient stays', 500, 5, 100],
  ];
  for (const [name, dividend, divisor, expected] of cases)
    it(name, () => assert.equal(integerDivide(dividend, divisor), expected));
});
