// Steps that drive Kubernetes' own Python client (the `kubernetes` package) through
// steps/python/kubernetes_client.py: a third real client, and the one that sends `watch=True`.
// Each command is a run of the script that prints JSON lines of what the client saw.

import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { After, Then, When } from '@cucumber/cucumber';
import { clientName } from '../impl/client/audit-event.js';
import { PROJECT_DIR } from '../impl/project-root.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { scenarioState } from './support/scenario-state.js';
import { expectedWatchEvents } from './support/watch-events.js';
import { type KubeWorld, shared } from './support/world.js';

// Debian's python3-kubernetes installs into the system interpreter, which a version manager's
// `python3` earlier on the PATH would not see; KUBELAB_PYTHON names another one.
const Python = process.env.KUBELAB_PYTHON ?? '/usr/bin/python3';
const Script = path.join(PROJECT_DIR, 'steps', 'python', 'kubernetes_client.py');
const WatchSeconds = 60;

type Line = Record<string, unknown>;

interface PythonState {
  watchLines: Line[];
  watch?: ChildProcess;
  watchErrors: string;
  replaced?: Line;
}

const states = scenarioState<PythonState>(() => ({ watchLines: [], watchErrors: '' }));

function scriptArgs(world: KubeWorld, ...command: string[]): string[] {
  assert.ok(shared.access, 'no cluster');
  return [Script, shared.access.kubeconfigPath, world.namespace, ...command];
}

const parseLines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Line);

async function runClient(world: KubeWorld, ...command: string[]): Promise<Line[]> {
  try {
    const { stdout } = await promisify(execFile)(Python, scriptArgs(world, ...command), { timeout: 30_000 });
    return parseLines(stdout);
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    const missing = stderr?.includes("No module named 'kubernetes'")
      ? ` (${Python} has no kubernetes package: scripts/setup.sh installs Debian's python3-kubernetes)`
      : '';
    throw new Error(`the Python client failed${missing}: ${stderr ?? String(error)}`);
  }
}

After(function (this: KubeWorld) {
  states.ifAny(this)?.watch?.kill();
});

When("Kubernetes' Python client watches config maps in the scenario's namespace", async function (this: KubeWorld) {
  const state = states.of(this);
  const child = spawn(Python, scriptArgs(this, 'watch', String(WatchSeconds)), { stdio: ['ignore', 'pipe', 'pipe'] });
  state.watch = child;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.slice(0, pending.lastIndexOf('\n') + 1);
    pending = pending.slice(complete.length);
    state.watchLines.push(...parseLines(complete));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    state.watchErrors += chunk.toString('utf8');
  });
  // The script says so once its watch request is made; what comes after is the watch's.
  await eventually(
    () =>
      assert.ok(
        state.watchLines.some((line) => line.watching),
        `not watching yet ${state.watchErrors}`,
      ),
    { timeoutMs: 10_000 },
  );
});

When(
  "Kubernetes' Python client patches {string} setting {string} to {string}",
  async function (this: KubeWorld, label: string, key: string, value: string) {
    const lines = await runClient(this, 'patch', this.recall(label).name, key, value);
    assert.deepEqual(lines, [{ patched: this.recall(label).name }]);
  },
);

Then(
  "Kubernetes' Python client lists config maps and sees {string} with {string} = {string}",
  async function (this: KubeWorld, label: string, key: string, value: string) {
    const items = await runClient(this, 'list');
    const found = items.find((item) => item.name === this.recall(label).name);
    assert.ok(found, `the list holds ${items.map((item) => item.name).join(', ')}`);
    assert.equal((found.data as Record<string, string>)[key], value);
  },
);

Then(
  "within {int} seconds the Python client's watch has received {string}",
  async function (this: KubeWorld, seconds: number, expected: string) {
    const state = states.of(this);
    const wanted = expectedWatchEvents(this, expected);
    await eventually(
      () => {
        const received = state.watchLines.filter((line) => line.type).map((line) => `${line.type} ${line.name}`);
        assert.deepEqual(received, wanted, state.watchErrors);
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

When(
  "Kubernetes' Python client replaces {string} at the resourceVersion it was created with",
  async function (this: KubeWorld, label: string) {
    const { name, resourceVersion } = this.recall(label);
    assert.ok(resourceVersion, 'no resourceVersion was remembered');
    [states.of(this).replaced] = await runClient(this, 'replace', name, resourceVersion);
  },
);

Then(
  "Kubernetes' Python client fails with {int} and a Status whose reason is {string}",
  function (this: KubeWorld, code: number, reason: string) {
    const replaced = states.of(this).replaced;
    assert.ok(replaced && !replaced.replaced, 'the replace succeeded');
    assert.deepEqual(replaced, { code, kind: 'Status', reason });
  },
);

Then(
  "the audit log shows the Python client's watch was asked with {string} and served as a watch",
  async function (this: KubeWorld, parameter: string) {
    // The client names itself "OpenAPI-Generator/<version>/python" in its User-Agent.
    await eventually(
      async () => {
        const asked = (await readAuditLog(this.auditLogPath)).filter(
          (event) =>
            clientName(event.userAgent) === 'OpenAPI-Generator' &&
            event.objectRef?.namespace === this.namespace &&
            new URL(event.requestURI, 'http://any').search.includes(parameter),
        );
        assert.ok(asked.length > 0, `no request of the Python client asked with ${parameter}`);
        // A watch logs a WatchEvent per event it sends; a list would log one ResponseComplete.
        const served = asked.map((event) => `${event.stage} ${event.verb}`);
        assert.ok(served.includes('WatchEvent watch'), `served as ${served.join(', ')}`);
      },
      { timeoutMs: 5_000 },
    );
  },
);
