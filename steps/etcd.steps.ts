// Steps that look into etcd directly, the way `etcdctl get` does: a door for observing only.
// Nothing here writes to etcd; every write in a scenario goes through the API server.

import assert from 'node:assert/strict';
import { Given, Then } from '@cucumber/cucumber';
import type { KubeList, KubeObject } from '../impl/client/types.js';
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

Then(
  'kubectl lists that name in both namespaces, and exactly the objects etcd holds under {string}',
  async function (this: KubeWorld, prefix: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, 0, result?.stderr);
    const list = JSON.parse(result?.stdout ?? '{}') as KubeList<KubeObject>;
    const listed = list.items.map(({ metadata }) => `${metadata.namespace}/${metadata.name}`);
    const name = this.recall(this.lastLabel).name;
    const namespaces = [this.namespace, this.recall('same name elsewhere').namespace];
    for (const namespace of namespaces)
      assert.ok(listed.includes(`${namespace}/${name}`), `the list has no ${namespace}/${name}`);
    // kubectl's list has no resourceVersion to read etcd at: compare the scenario's two
    // namespaces, where nothing else writes meanwhile.
    const { kvs } = await this.etcdGet(prefix, ['--prefix', '--keys-only']);
    const held = kvs.map((kv) => kv.key.slice(prefix.length));
    const ours = (names: string[]) => names.filter((entry) => namespaces.includes(entry.split('/')[0] ?? '')).sort();
    assert.deepEqual(ours(listed), ours(held), "the list and the keys in the scenario's namespaces");
  },
);

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
