// The kubelet's /containerLogs over HTTP, on a log file written as the runtime writes it.

import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { KubeObject } from '../../client/types.js';
import type { ContainerState, ContainerStatus } from '../cri/runtime-service.js';
import type { ContainerView } from '../pods/container-view.js';
import { criLine } from '../runtime/cri-log.js';
import { type LogSource, serveContainerLogs } from './container-logs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'container-logs-'));
const logPath = path.join(dir, '0.log');
const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'team' } };
let state: ContainerState = 'CONTAINER_RUNNING';
const source: LogSource = {
  pod: (namespace, name) => (namespace === 'team' && name === 'web' ? pod : undefined),
  view: (_pod, container): ContainerView | undefined =>
    container === 'main'
      ? {
          name: 'main',
          image: 'kubelab/echo',
          imageID: '',
          containerID: 'kubelab://c1',
          state: { running: { startedAt: '' } },
          lastState: {},
          ready: true,
          started: true,
          restartCount: 0,
        }
      : undefined,
  container: (id) =>
    id === 'c1' ? ({ id, state, logPath } as Partial<ContainerStatus> as ContainerStatus) : undefined,
};
let server: Server;
let base = '';

before(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://kubelet');
    const segments = url.pathname.split('/').filter((segment) => segment !== '');
    void serveContainerLogs(source, segments.slice(1), url.searchParams, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/containerLogs/team`;
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (second: number) => new Date(`2026-12-07T01:30:0${second}Z`);

test('the text of each line, the last lines, the time in front, no more than the bytes asked', async () => {
  writeFileSync(
    logPath,
    criLine(at(1), 'stdout', 'one') + criLine(at(2), 'stderr', 'two') + criLine(at(3), 'stdout', 'three'),
  );
  const read = async (query = '') => (await fetch(`${base}/web/main${query}`)).text();
  assert.equal(await read(), 'one\ntwo\nthree\n');
  assert.equal(await read('?tailLines=2'), 'two\nthree\n');
  assert.equal(await read('?tailLines=1&timestamps=true'), '2026-12-07T01:30:03.000Z three\n');
  assert.equal(await read('?limitBytes=6'), 'one\ntw');
});

test('a pod or a container the kubelet does not run is a 404, in its words', async () => {
  const pod = await fetch(`${base}/nope/main`);
  assert.deepEqual([pod.status, await pod.text()], [404, 'pod "nope" does not exist']);
  const container = await fetch(`${base}/web/other`);
  assert.deepEqual([container.status, await container.text()], [404, 'container "other" not found in pod "web"']);
  const previous = await fetch(`${base}/web/main?previous=true`);
  assert.deepEqual(
    [previous.status, await previous.text()],
    [400, 'previous terminated container "main" in pod "web" not found'],
  );
});

test('follow sends what is written later, and ends once the container has exited', async () => {
  writeFileSync(logPath, criLine(at(1), 'stdout', 'up'));
  state = 'CONTAINER_RUNNING';
  const response = await fetch(`${base}/web/main?follow=true`);
  const reader = response.body?.getReader();
  assert.ok(reader);
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (wanted: string) => {
    while (!text.includes(wanted)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before "${wanted}": ${text}`);
      text += decoder.decode(value);
    }
  };
  await readUntil('up\n');
  appendFileSync(logPath, criLine(at(2), 'stderr', 'later'));
  await readUntil('later\n');
  appendFileSync(logPath, criLine(at(3), 'stdout', 'last words'));
  state = 'CONTAINER_EXITED';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
  assert.equal(text, 'up\nlater\nlast words\n');
});
