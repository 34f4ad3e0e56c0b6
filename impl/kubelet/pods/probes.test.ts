import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { probeOnce } from './probes.js';

const target = { podIp: '127.0.0.1', netns: '' };

describe('one probe, worded as the kubelet words its failures', () => {
  let server: Server;
  let port = 0;
  let closedPort = 0;
  before(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === '/ready' ? 200 : 503;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    // A port nothing listens on: one that was just given back.
    const probeServer = createServer();
    await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
    closedPort = (probeServer.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probeServer.close(() => resolve()));
  });
  after(() => server.close());

  it('httpGet passes on 200 and fails on 503 with its status code', async () => {
    assert.deepEqual(await probeOnce({ httpGet: { path: '/ready', port } }, target), { ok: true, message: '' });
    assert.deepEqual(await probeOnce({ httpGet: { path: '/other', port } }, target), {
      ok: false,
      message: 'HTTP probe failed with statuscode: 503',
    });
  });

  it("httpGet on a closed port fails with Go's client error", async () => {
    const result = await probeOnce({ httpGet: { path: '/ready', port: closedPort } }, target);
    const url = `http://127.0.0.1:${closedPort}/ready`;
    assert.equal(result.message, `Get "${url}": dial tcp 127.0.0.1:${closedPort}: connect: connection refused`);
  });

  it("tcpSocket passes on an open port, and fails on a closed one with Go's dial error", async () => {
    assert.equal((await probeOnce({ tcpSocket: { port } }, target)).ok, true);
    assert.deepEqual(await probeOnce({ tcpSocket: { port: closedPort } }, target), {
      ok: false,
      message: `dial tcp 127.0.0.1:${closedPort}: connect: connection refused`,
    });
  });
});
