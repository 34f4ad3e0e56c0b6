import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameReader, outputFrame, reviveDates } from './runtime-wire.js';

test('output frames come back whole, in order, however the chunks cut them', () => {
  const frames = Buffer.concat([
    outputFrame('stdout', Buffer.from('hello\n')),
    outputFrame('stderr', Buffer.from('oops\n')),
    outputFrame('stdout', Buffer.alloc(0)),
    outputFrame('stdout', Buffer.from('é')),
  ]);
  for (const size of [1, 2, 3, 5, 7, frames.length]) {
    const read: string[] = [];
    const reader = new FrameReader((stream, chunk) => read.push(`${stream}:${chunk.toString('utf8')}`));
    for (let at = 0; at < frames.length; at += size) reader.push(frames.subarray(at, at + size));
    assert.deepEqual(read, ['stdout:hello\n', 'stderr:oops\n', 'stdout:', 'stdout:é'], `chunks of ${size} bytes`);
  }
});

test("a status's times come back as dates, and nothing else does", () => {
  const text = JSON.stringify({ createdAt: new Date(0), name: '1970-01-01T00:00:00.000Z', startedAt: undefined });
  const revived = JSON.parse(text, reviveDates) as { createdAt: unknown; name: unknown };
  assert.ok(revived.createdAt instanceof Date);
  assert.equal((revived.createdAt as Date).getTime(), 0);
  assert.equal(revived.name, '1970-01-01T00:00:00.000Z');
});
