// Steps that look into etcd directly, the way `etcdctl get` does: a door for observing only.
// Nothing here writes to etcd; every write in a scenario goes through the API server.

import assert from 'node:assert/strict';
import { Given, Then } from '@cucumber/cucumber';
import { eventually } from './support/eventually.js';
import type { KubeWorld } from './support/world.js';

Then('etcd holds one key per namespace for that name', async function (this: KubeWorld) {
  const name = this.recall(this.lastLabel).name;
  const { kvs } = await this.etcdGet('/registry/configmaps/', ['--prefix', '--keys-only']);
  const keys = kvs
    .map((kv) => kv.key)
    .filter((key) => key.endsWith(`/${name}`))
    .sort();
  const expected = [this.namespace, this.recall('same name elsewhere').namespace]
    .map((ns) => `/registry/configmaps/${ns}/${name}`)
    .sort();
  assert.deepEqual(keys, expected);
});

Then('kubectl lists exactly the names etcd holds under {string}', async function (this: KubeWorld, template: string) {
  const prefix = this.expand(template);
  const { kvs } = await this.etcdGet(prefix, ['--prefix', '--keys-only']);
  const fromEtcd = kvs.map((kv) => kv.key.slice(prefix.length)).sort();
  const listed = (this.lastCommand?.stdout ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^configmap\//, ''))
    .sort();
  assert.equal(this.lastCommand?.exitCode, 0, this.lastCommand?.stderr);
  assert.deepEqual(listed, fromEtcd);
  const own = this.recall(this.lastLabel).name;
  assert.ok(listed.includes(own), `expected the scenario's config map ${own}, got ${listed.join(', ')}`);
});

Given(
  'the API server has since compacted etcd past that resourceVersion',
  { timeout: 60_000 },
  async function (this: KubeWorld) {
    const remembered = Number(this.recall(this.lastLabel).resourceVersion);
    // kube-apiserver records each compaction under compact_rev_key; wait until it passes ours.
    await eventually(
      async () => {
        const { kvs } = await this.etcdGet('compact_rev_key');
        const compacted = Number(kvs[0]?.value ?? 0);
        assert.ok(compacted > remembered, `etcd is compacted up to ${compacted}, not past ${remembered} yet`);
      },
      { timeoutMs: 45_000, intervalMs: 500 },
    );
  },
);
