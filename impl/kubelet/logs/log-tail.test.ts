import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { LogTail } from './log-tail.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'log-tail-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('each read gives the lines completed since the one before, and holds back a line being written', async () => {
  const file = path.join(dir, '0.log');
  const tail = new LogTail(file);
  assert.equal(await tail.completeLines(), '', 'no file yet');
  appendFileSync(file, 'one\ntw');
  assert.equal(await tail.completeLines(), 'one\n');
  assert.equal(await tail.completeLines(), '', 'nothing new, and "tw" is not a line yet');
  appendFileSync(file, 'o\nthree\n');
  assert.equal(await tail.completeLines(), 'two\nthree\n');
});

test('a character of several bytes split between two writes comes back whole', async () => {
  const file = path.join(dir, '1.log');
  const tail = new LogTail(file);
  const text = Buffer.from('café\n');
  appendFileSync(file, text.subarray(0, 4));
  assert.equal(await tail.completeLines(), '');
  appendFileSync(file, text.subarray(4));
  assert.equal(await tail.completeLines(), 'café\n');
});
