// Steps about namespaces: deleting one with kubectl, what it refuses and says meanwhile, and when it is gone.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { eventually } from './support/eventually.js';
import { holdWithFinalizer, removeFinalizer } from './support/finalizers.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

async function deleteNamespaceWithKubectl(world: KubeWorld): Promise<void> {
  const result = await world.kubectl(['delete', 'namespace', world.namespace, '--wait=false']);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`namespace "${world.namespace}" deleted`));
}

/** The STATUS column of `kubectl get namespace`. */
async function kubectlNamespaceStatus(world: KubeWorld): Promise<string> {
  const result = await world.kubectl(['get', 'namespace', world.namespace, '--no-headers']);
  assert.equal(result.exitCode, 0, result.stderr);
  return result.stdout.trim().split(/\s+/)[1] ?? '';
}

Given(
  "the scenario's namespace holds a config map {string} with the finalizer {string}",
  async function (this: KubeWorld, label: string, finalizer: string) {
    const { name, kind, namespace } = await this.createObject(kindByWords('config map'), label);
    await holdWithFinalizer(this, { ...kind.ref, namespace, name }, finalizer);
  },
);

When("the scenario's namespace is deleted with kubectl", async function (this: KubeWorld) {
  await deleteNamespaceWithKubectl(this);
});

Given("the scenario's namespace was deleted with kubectl and is Terminating", async function (this: KubeWorld) {
  await deleteNamespaceWithKubectl(this);
  assert.equal(await kubectlNamespaceStatus(this), 'Terminating');
});

When(
  'the finalizer {string} is removed from {string}',
  async function (this: KubeWorld, finalizer: string, label: string) {
    await removeFinalizer(this, this.refFor(this.recall(label)), finalizer);
  },
);

Then("kubectl get namespace shows the scenario's namespace as Terminating", async function (this: KubeWorld) {
  assert.equal(await kubectlNamespaceStatus(this), 'Terminating');
});

Then(
  'kubectl create of a config map {string} in it fails with {string}',
  async function (this: KubeWorld, name: string, message: string) {
    const result = await this.kubectl(['create', 'configmap', name, '-n', this.namespace]);
    assert.notEqual(result.exitCode, 0, `kubectl created it: ${result.stdout}`);
    const expected = message.replaceAll('{name}', name).replaceAll('{namespace}', this.namespace);
    assert.ok(result.stderr.includes(expected), `kubectl said: ${result.stderr}`);
  },
);

Then(
  "within {int} seconds kubectl get namespace says the scenario's namespace is not found",
  async function (this: KubeWorld, seconds: number) {
    await eventually(
      async () => {
        const result = await this.kubectl(['get', 'namespace', this.namespace]);
        if (result.stderr.includes(`namespaces "${this.namespace}" not found`)) return;
        assert.fail(`kubectl said: ${oneLine(result.stdout + result.stderr)}; ${await whatHoldsNamespace(this)}`);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

/** What the namespace's status and finalizers say, for a failure message that tells why it stays. */
async function whatHoldsNamespace(world: KubeWorld): Promise<string> {
  const namespace = await world.api.get({ resource: 'namespaces', name: world.namespace }).catch(() => undefined);
  if (!namespace) return 'the API server has no such namespace';
  const conditions = (namespace.status?.conditions ?? []) as Array<Record<string, string>>;
  const said = conditions.map((condition) => `${condition.type}=${condition.status} (${condition.message})`).join(', ');
  return `spec.finalizers ${JSON.stringify(namespace.spec?.finalizers ?? [])}, conditions: ${said || 'none'}`;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

Then("no pods, replica sets or config maps are left in the scenario's namespace", async function (this: KubeWorld) {
  for (const words of ['pod', 'replica set', 'config map']) {
    const left = await this.api.list({ ...kindByWords(words).ref, namespace: this.namespace });
    assert.deepEqual(
      left.items.map((item) => item.metadata.name),
      [],
      `${words}s left`,
    );
  }
});

Then(
  "within {int} seconds the scenario's namespace has the conditions:",
  async function (this: KubeWorld, seconds: number, table: DataTable) {
    const expected = table.hashes();
    await eventually(
      async () => {
        const namespace = await this.api.get({ resource: 'namespaces', name: this.namespace });
        const conditions = (namespace.status?.conditions ?? []) as Array<Record<string, string>>;
        const actual = expected.map((row) => {
          const condition = conditions.find((candidate) => candidate.type === row.type);
          return { type: row.type, status: condition?.status, reason: condition?.reason, message: condition?.message };
        });
        assert.deepEqual(actual, expected);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);
