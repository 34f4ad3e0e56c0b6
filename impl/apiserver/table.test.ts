import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanAge } from './table.js';

describe("kubectl's AGE column", () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  const cases: Array<[string, number, string]> = [
    ['seconds under two minutes', 75, '75s'],
    ['minutes and seconds under ten minutes', 5 * 60 + 30, '5m30s'],
    ['whole minutes under three hours', 65 * 60, '65m'],
    ['hours and minutes under eight hours', 3 * 3600 + 20 * 60, '3h20m'],
    ['days and hours under eight days', 2 * 86400 + 5 * 3600, '2d5h'],
  ];
  for (const [name, seconds, expected] of cases) it(name, () => assert.equal(humanAge(ago(seconds), now), expected));
});
