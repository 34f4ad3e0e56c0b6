import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demultiplex } from './container-logs.js';

function frame(streamType: number, text: string | Buffer): Buffer {
  const payload = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const header = Buffer.alloc(8);
  header[0] = streamType;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('joining a multiplexed Docker log stream', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['one stdout frame gives its text', frame(1, 'etcd is ready\n'), 'etcd is ready\n'],
    [
      'stdout and stderr frames stay in the order they were written',
      Buffer.concat([frame(1, 'listening\n'), frame(2, 'warning: no TLS\n'), frame(1, 'request\n')]),
      'listening\nwarning: no TLS\nrequest\n',
    ],
    [
      'a character split across two frames is joined whole',
      Buffer.concat([frame(1, Buffer.from('caf\xc3', 'latin1')), frame(1, Buffer.from('\xa9\n', 'latin1'))]),
      'café\n',
    ],
    ['output without frame headers (a TTY) is kept as it is', Buffer.from('plain output\n'), 'plain output\n'],
    ['no output gives the empty string', Buffer.alloc(0), ''],
  ];
  for (const [name, output, expected] of cases) it(name, () => assert.equal(demultiplex(output), expected));
});
