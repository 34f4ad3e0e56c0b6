// Steps that drive the real kubectl, as a learner at a terminal would.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Given, Then, When } from '@cucumber/cucumber';
import { stringify } from 'yaml';
import { eventually } from './support/eventually.js';
import { type KindInfo, kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

When("config maps are listed in the scenario's namespace with kubectl", async function (this: KubeWorld) {
  await this.kubectl(['get', 'configmaps', '-n', this.namespace, '-o', 'name']);
});

When('each {kind} of every namespace is listed with kubectl', async function (this: KubeWorld, kind: KindInfo) {
  await this.kubectl(['get', kind.ref.resource, '--all-namespaces', '-o', 'json']);
});

When('{string} is deleted with kubectl', async function (this: KubeWorld, label: string) {
  const remembered = this.recall(label);
  const result = await this.kubectl(['delete', 'configmap', remembered.name, '-n', this.namespace]);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`configmap "${remembered.name}" deleted`));
});

When('kubectl applies a config map named {string}', async function (this: KubeWorld, name: string) {
  const manifest = kindByWords('config map').manifest(name);
  await this.kubectl(['apply', '-n', this.namespace, '-f', '-'], stringify(manifest));
});

Then('kubectl fails with {string} and {string}', function (this: KubeWorld, first: string, second: string) {
  const result = this.lastCommand;
  assert.ok(result, 'kubectl did not run');
  assert.notEqual(result.exitCode, 0, `kubectl succeeded: ${result.stdout}`);
  assert.ok(result.stderr.includes(first), `stderr lacks "${first}": ${result.stderr}`);
  assert.ok(result.stderr.includes(second), `stderr lacks "${second}": ${result.stderr}`);
});

const watchOutput = new WeakMap<KubeWorld, { text: string }>();

Given("kubectl is watching config maps in the scenario's namespace", async function (this: KubeWorld) {
  const output = { text: '' };
  const child = spawn(
    'kubectl',
    ['--kubeconfig', this.access.kubeconfigPath, 'get', 'configmaps', '-n', this.namespace, '--watch'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => {
    output.text += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.text += chunk.toString('utf8');
  });
  this.cleanups.push(async () => {
    child.kill();
  });
  watchOutput.set(this, output);
  // No need to wait for the watch to be open: an object created before it is in kubectl's
  // first list, one created after arrives as an event; either way kubectl prints it.
  assert.ok(child.pid, 'kubectl did not start');
});

Then(
  'within {int} seconds kubectl has printed a line for {string}',
  async function (this: KubeWorld, seconds: number, label: string) {
    const name = this.recall(label).name;
    await eventually(
      () => {
        const text = watchOutput.get(this)?.text ?? '';
        assert.ok(
          text.split('\n').some((line) => line.startsWith(`${name} `)),
          `kubectl printed:\n${text}`,
        );
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);
