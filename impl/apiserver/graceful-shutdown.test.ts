import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { GracefulShutdown } from './graceful-shutdown.js';

/** A server whose /slow answers after `release` is called, and whose /watch never ends by itself. */
async function startServer(shutdown: GracefulShutdown): Promise<{ server: Server; port: number; release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    const isWatch = req.url === '/watch';
    void shutdown.track(res, isWatch, async () => {
      if (isWatch) {
        res.writeHead(200);
        res.write('{"type":"ADDED"}\n');
        return;
      }
      await released;
      res.end('done');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, release };
}

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    request({ port, path, host: '127.0.0.1', agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          ...(headers.connection ? { connection: res.headers.connection } : {}),
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('GracefulShutdown', () => {
  it('answers a request in flight before it stops', async () => {
    const shutdown = new GracefulShutdown();
    const { server, port, release } = await startServer(shutdown);
    const answer = get(port, '/slow');
    await until(() => shutdown.requestsInFlight === 1);
    const stopped = shutdown.stop(server);
    let isStopped = false;
    void stopped.then(() => (isStopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(isStopped, false, 'stop waits for the request in flight');
    release();
    assert.deepEqual(await answer, { status: 200, body: 'done' });
    await stopped;
  });

  it('tells a client whose request is in flight not to reuse its connection', async () => {
    const shutdown = new GracefulShutdown();
    const { server, port, release } = await startServer(shutdown);
    const answer = get(port, '/slow', { connection: 'keep-alive' });
    await until(() => shutdown.requestsInFlight === 1);
    const stopped = shutdown.stop(server);
    release();
    assert.deepEqual(await answer, { status: 200, body: 'done', connection: 'close' });
    await stopped;
  });

  it('refuses connections once it is stopping', async () => {
    const shutdown = new GracefulShutdown();
    const { server, port } = await startServer(shutdown);
    await shutdown.stop(server);
    await assert.rejects(get(port, '/slow'), /ECONNREFUSED/);
  });

  it('ends the watches rather than wait for them', async () => {
    const shutdown = new GracefulShutdown();
    const { server, port } = await startServer(shutdown);
    const watch = get(port, '/watch');
    await until(() => shutdown.watchesOpen === 1);
    await shutdown.stop(server);
    assert.deepEqual(await watch, { status: 200, body: '{"type":"ADDED"}\n' });
    assert.equal(shutdown.requestsInFlight, 0);
  });

  it('gives up waiting after its timeout', async () => {
    const shutdown = new GracefulShutdown();
    const { server, port } = await startServer(shutdown);
    const answer = get(port, '/slow').catch((error: Error) => error);
    await until(() => shutdown.requestsInFlight === 1);
    await shutdown.stop(server, 50);
    assert.ok((await answer) instanceof Error, 'the unanswered request is cut off');
  });
});
