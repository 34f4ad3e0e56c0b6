import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { watchOwner } from './owner-watchdog.js';
import { isProcessAlive } from './ownership.js';

const WATCHDOG_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'watchdog-main.js');
const CLUSTER = 'kubelab-watchdog-unit-test';

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe("the watchdog of an owner's cluster", () => {
  it('exits without looking once the owner releases it', async () => {
    const watchdog = watchOwner(CLUSTER);
    assert.ok(isProcessAlive(watchdog.pid), 'the watchdog runs');
    await watchdog.release();
    assert.ok(await until(() => !isProcessAlive(watchdog.pid), 15_000), 'the watchdog exits after release');
  });

  it('leaves the cluster of an owner that is still alive when the lifeline ends', async () => {
    const args = [WATCHDOG_MAIN, String(process.pid), CLUSTER];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.end();
    assert.equal(await exited, 0);
    assert.equal(stderr, '', 'nothing removed, nothing said');
  });
});
