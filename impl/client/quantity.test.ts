import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareQuantities, compareTotals } from './quantity.js';

test('quantities compare exactly, whatever their suffix', () => {
  assert.equal(compareQuantities('1', '1000m'), 0);
  assert.equal(compareQuantities('1Ki', '1024'), 0);
  assert.equal(compareQuantities('1k', '1Ki'), -1);
  assert.equal(compareQuantities('0.1', '100m'), 0);
  assert.equal(compareQuantities('1e3', '1k'), 0);
  assert.equal(compareQuantities('1n', '0'), 1);
});

test('totals add up before they compare', () => {
  assert.equal(compareTotals(['100m', '300m'], ['200m', '0.2']), 0);
  assert.equal(compareTotals(['1Gi'], ['512Mi', '512Mi']), 0);
  assert.equal(compareTotals([], ['1m']), -1);
});
