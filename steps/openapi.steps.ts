// Steps for the API's published schemas: kubectl explain, and server-side field validation.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { stringify } from 'yaml';
import type { KindInfo } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

When('kubectl explains {string}', async function (this: KubeWorld, field: string) {
  await this.kubectl(['explain', field]);
});

Then('kubectl prints {string}', function (this: KubeWorld, text: string) {
  const result = this.lastCommand;
  assert.ok(result, 'kubectl did not run');
  assert.equal(result.exitCode, 0, result.stderr);
  assert.ok(result.stdout.includes(text), `stdout lacks "${text}":\n${result.stdout}`);
});

Given('kubectl applied a {kind} {string}', async function (this: KubeWorld, kind: KindInfo, label: string) {
  const result = await applyWithKubectl(this, kind, label, 'strict');
  assert.equal(result.exitCode, 0, result.stderr);
});

When(
  'kubectl applies with --validate={word} a {kind} {string} with the unknown field {string}',
  async function (this: KubeWorld, validate: string, kind: KindInfo, label: string, field: string) {
    await applyWithKubectl(this, kind, label, validate, field);
  },
);

Then('kubectl is refused with {word}: {string}', function (this: KubeWorld, reason: string, message: string) {
  const result = this.lastCommand;
  assert.ok(result, 'kubectl did not run');
  assert.notEqual(result.exitCode, 0, `kubectl succeeded: ${result.stdout}`);
  const refusal = `Error from server (${reason}): `;
  assert.ok(result.stderr.includes(refusal), `stderr lacks "${refusal}": ${result.stderr}`);
  assert.ok(result.stderr.trimEnd().endsWith(message), `stderr does not end with "${message}": ${result.stderr}`);
});

Then('kubectl succeeds and warns {string}', function (this: KubeWorld, warning: string) {
  const result = this.lastCommand;
  assert.ok(result, 'kubectl did not run');
  assert.equal(result.exitCode, 0, result.stderr);
  assert.ok(result.stderr.split('\n').includes(warning), `stderr lacks the line "${warning}":\n${result.stderr}`);
});

Then('{string} does not exist', async function (this: KubeWorld, label: string) {
  const answer = await this.answer(() => this.api.get(this.refFor(this.recall(label))));
  assert.equal(answer.code, 404, `"${label}" exists: ${JSON.stringify(answer.object)}`);
});

Then('{string} exists without the field {string}', async function (this: KubeWorld, label: string, field: string) {
  const stored = await this.api.get(this.refFor(this.recall(label)));
  const [parent, last] = walk(stored, field);
  assert.ok(parent !== undefined, `"${label}" lacks the parent of ${field}: ${JSON.stringify(stored)}`);
  assert.equal(last in parent, false, `"${label}" kept ${field}: ${JSON.stringify(stored)}`);
});

/** kubectl apply -f - of the kind's manifest, with `field` (a dotted path, numbers index lists) set if given. */
async function applyWithKubectl(world: KubeWorld, kind: KindInfo, label: string, validate: string, field?: string) {
  const known = world.objects.get(label);
  const name = known?.name ?? world.uniqueName(kind.kind.toLowerCase());
  if (!known) world.remember(label, { kind, name, namespace: kind.namespaced ? world.namespace : undefined });
  const manifest = kind.manifest(name) as unknown as Record<string, unknown>;
  if (field) {
    const [parent, last] = walk(manifest, field, true);
    assert.ok(parent, `cannot set ${field}`);
    parent[last] = 'unknown';
  }
  return world.kubectl(['apply', `--validate=${validate}`, '-n', world.namespace, '-f', '-'], stringify(manifest));
}

/** The object holding the last segment of `path`, and that segment; objects are made on the way if asked. */
function walk(root: object, path: string, isCreating = false): [Record<string, unknown> | undefined, string] {
  const segments = path.split('.');
  const last = segments.pop() ?? '';
  let current: unknown = root;
  for (const segment of segments) {
    const holder = current as Record<string, unknown>;
    if (holder[segment] === undefined && isCreating) holder[segment] = {};
    current = holder[segment];
    if (typeof current !== 'object' || current === null) return [undefined, last];
  }
  return [current as Record<string, unknown>, last];
}
