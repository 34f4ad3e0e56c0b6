// How long `npm start` takes from the command to a cluster that answers, once images exist.
// It runs the same entry as `npm start` (after the build) under another cluster name, and
// polls /readyz through the kubeconfig it writes, as a learner's first kubectl would.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { PROJECT_DIR } from '../impl/project-root.js';

export const StartTimeAimSeconds = 5;

export async function measureStartTime(clusterName: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(PROJECT_DIR, 'dist', 'impl', 'cluster', 'main.js')], {
    env: { ...process.env, KUBELAB_CLUSTER_NAME: clusterName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const server = /API server: (http:\/\/\S+)/.exec(output)?.[1];
      if (server && (await isReady(server))) return (performance.now() - started) / 1000;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`measureStartTime: the cluster did not answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

async function isReady(server: string): Promise<boolean> {
  try {
    const response = await request(`${server}/readyz`);
    await response.body.text();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}
