// kubectl attach's WebSocket, end to end in one process: the frames a client receives.

import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { runAttach } from './attach-stream.js';
import { StreamProtocols } from './channels.js';

test('output on streams 1 and 2 as it comes, typed input to the container, then a Success on 3', async () => {
  let output: ((stream: 'stdout' | 'stderr', chunk: Buffer) => void) | undefined;
  let exit = () => {};
  const stdin = new PassThrough();
  let detach = () => {};
  const detached = new Promise<void>((resolve) => {
    detach = resolve;
  });
  const server = new WebSocketServer({
    port: 0,
    handleProtocols: (offered) => StreamProtocols.find((protocol) => offered.has(protocol)) ?? false,
  });
  server.on('connection', (socket) =>
    runAttach(socket, (listener) => {
      output = listener;
      return {
        stdin,
        exited: new Promise<void>((resolve) => {
          exit = resolve;
        }),
        detach,
      };
    }),
  );
  await new Promise((resolve) => server.on('listening', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, 'v5.channel.k8s.io');
  const frames: string[] = [];
  const closed = new Promise<number>((resolve) => client.on('close', resolve));
  client.on('message', (data: Buffer) => frames.push(`${data[0]}:${data.subarray(1).toString()}`));
  await new Promise((resolve) => client.on('open', resolve));
  assert.equal(client.protocol, 'v5.channel.k8s.io');

  client.send(Buffer.concat([Buffer.from([0]), Buffer.from('typed\n')]));
  assert.equal(String(await new Promise((resolve) => stdin.once('data', resolve))), 'typed\n');
  output?.('stdout', Buffer.from('out\n'));
  output?.('stderr', Buffer.from('err\n'));
  exit();
  assert.equal(await closed, 1000);
  assert.deepEqual(frames, ['1:out\n', '2:err\n', '3:{"metadata":{},"status":"Success"}']);
  await detached; // the runtime is told the client left
  server.close();
});
