import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { followLogs } from './log-follower.js';

/** An opener whose streams the test writes to, and the `since` each follow asked for. */
function fakeLog() {
  const streams: PassThrough[] = [];
  const sinces: number[] = [];
  const open = async (sinceSeconds: number) => {
    sinces.push(sinceSeconds);
    const stream = new PassThrough();
    streams.push(stream);
    return stream;
  };
  return { open, streams, sinces };
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 100) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('followLogs', () => {
  it('delivers each line, split across chunks, from now on', async () => {
    const log = fakeLog();
    const lines: string[] = [];
    const stop = followLogs(log.open, (line) => lines.push(line));
    await until(() => log.streams.length === 1);
    log.streams[0]?.write('first li');
    log.streams[0]?.write('ne\nsecond line\n');
    await until(() => lines.length === 2);
    assert.deepEqual(lines, ['first line', 'second line']);
    assert.ok(Math.abs((log.sinces[0] ?? 0) - Date.now() / 1000) < 5, 'follows from the current second');
    stop();
  });

  it('follows again after the stream ends, as after a container restart, until stopped', async () => {
    const log = fakeLog();
    const lines: string[] = [];
    const stop = followLogs(log.open, (line) => lines.push(line));
    await until(() => log.streams.length === 1);
    log.streams[0]?.end('before the restart\n');
    await until(() => log.streams.length === 2);
    log.streams[1]?.write('after the restart\n');
    await until(() => lines.length === 2);
    assert.deepEqual(lines, ['before the restart', 'after the restart']);
    stop();
    log.streams[1]?.end();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(log.streams.length, 2, 'no follow after stop');
  });
});
