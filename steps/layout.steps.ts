// Steps about the registry's layout, kind by kind: where each object's key is, what a list
// reads, what a delete removes. They look at etcd the way `etcdctl get` does, and at the etcd
// requests the audit log shows; every write goes through the API server.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { type AuditEvent, clientName, type EtcdOperation } from '../impl/client/audit-event.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld, Remembered } from './support/world.js';

/** One row of a layout table: the object created, and where it should be in etcd. */
interface LayoutRow {
  label: string;
  key: string;
  listPrefix?: string;
  /** For a namespaced kind: the prefix a list of every namespace reads. */
  everyNamespacePrefix?: string;
}

/** What a list through the API answered: its revision, and the names it listed. */
interface Listed {
  revision: number;
  names: string[];
}

const Lister = 'layout-lister';
const layouts = new WeakMap<KubeWorld, LayoutRow[]>();
const lists = new WeakMap<KubeWorld, Map<string, Listed>>();

function rowsOf(world: KubeWorld): { row: LayoutRow; remembered: Remembered }[] {
  const rows = layouts.get(world);
  assert.ok(rows, 'the scenario created no objects from a layout table');
  return rows.map((row) => ({ row, remembered: world.recall(row.label) }));
}

/** The requests of `client` with `verb` on one kind (and name), in the order they completed. */
function requestsOf(events: AuditEvent[], client: string, verb: string, remembered: Remembered): AuditEvent[] {
  return events.filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      event.verb === verb &&
      clientName(event.userAgent) === client &&
      event.objectRef?.resource === remembered.kind.ref.resource &&
      event.objectRef?.namespace === remembered.namespace &&
      (verb === 'list' || event.objectRef?.name === remembered.name),
  );
}

function shown(operation: EtcdOperation): string {
  return `${operation.op} ${operation.key}${operation.isPrefix ? ' (prefix)' : ''}`;
}

Given(
  'one object of each of these kinds was created through the API:',
  async function (this: KubeWorld, table: DataTable) {
    const rows: LayoutRow[] = [];
    for (const row of table.hashes()) {
      const info = kindByWords(row.kind ?? '');
      await this.createObject(info, info.words);
      const everyNamespacePrefix = row['list prefix of every namespace'];
      rows.push({ label: info.words, key: row.key ?? '', listPrefix: row['list prefix'], everyNamespacePrefix });
    }
    layouts.set(this, rows);
  },
);

async function listNames(world: KubeWorld, remembered: Remembered): Promise<Listed> {
  const list = await world.newClient(Lister).list({ ...remembered.kind.ref, namespace: remembered.namespace });
  return {
    revision: Number(list.metadata.resourceVersion),
    names: list.items.map((item) => item.metadata.name ?? '').sort(),
  };
}

/**
 * The keys under `prefix` at the revision a list answered at, with that list. The test
 * cluster compacts etcd every few seconds, and a revision compacted away can no longer be
 * read: then list again, and read at the new list's revision at once.
 */
async function keysAtListRevision(
  world: KubeWorld,
  remembered: Remembered,
  prefix: string,
  listed: Listed | undefined,
): Promise<{ answered: Listed | undefined; held: string[] }> {
  let answered = listed;
  for (let attempt = 1; ; attempt++) {
    try {
      const { kvs } = await world.etcdGet(prefix, ['--prefix', '--keys-only', `--rev=${answered?.revision}`]);
      return { answered, held: kvs.map((kv) => kv.key.slice(prefix.length)).sort() };
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('required revision has been compacted')) throw error;
      answered = await listNames(world, remembered);
    }
  }
}

When('each of those kinds is listed through the API', async function (this: KubeWorld) {
  const listed = new Map<string, Listed>();
  for (const { row, remembered } of rowsOf(this)) listed.set(row.label, await listNames(this, remembered));
  lists.set(this, listed);
});

When('each of the namespaced kinds is listed in every namespace through the API', async function (this: KubeWorld) {
  for (const { row, remembered } of rowsOf(this).filter(({ row }) => row.everyNamespacePrefix)) {
    const everywhere = await listNames(this, { ...remembered, namespace: undefined });
    assert.ok(everywhere.names.includes(remembered.name), `a list of every namespace misses the ${row.label}`);
  }
});

Then(
  'the audit log shows each list of every namespace was one range read of its prefix',
  async function (this: KubeWorld) {
    for (const { row, remembered } of rowsOf(this).filter(({ row }) => row.everyNamespacePrefix)) {
      const prefix = this.expand(row.everyNamespacePrefix ?? '', remembered);
      await eventually(
        async () => {
          const everywhere = { ...remembered, namespace: undefined };
          const list = requestsOf(await readAuditLog(this.auditLogPath), Lister, 'list', everywhere).at(-1);
          assert.ok(list, `the audit log has no list of every ${row.label}`);
          assert.deepEqual((list.etcd ?? []).map(shown), [`range ${prefix} (prefix)`]);
        },
        { timeoutMs: 5000 },
      );
    }
  },
);

Then(
  'etcd holds each object at its key, ' +
    'as the API serves it but without a resourceVersion, which is the mod_revision of the key',
  async function (this: KubeWorld) {
    for (const { row, remembered } of rowsOf(this)) {
      const key = this.expand(row.key, remembered);
      // A controller may write the object (a pod's status) between the two reads: read both
      // again until they are of the same version.
      await eventually(
        async () => {
          const served = await this.api.get(this.refFor(remembered));
          const { kvs } = await this.etcdGet(key);
          assert.equal(kvs.length, 1, `etcd has no key ${key} for the ${row.label}`);
          assert.equal(
            served.metadata.resourceVersion,
            String(kvs[0]?.modRevision),
            `the ${row.label}'s resourceVersion is not the mod_revision of ${key}`,
          );
          const stored = JSON.parse(kvs[0]?.value ?? '{}') as KubeObject;
          const { resourceVersion: _, ...servedMetadata } = served.metadata;
          assert.deepEqual(stored, { ...served, metadata: servedMetadata }, `the value of ${key}`);
        },
        { timeoutMs: 5000, intervalMs: 200 },
      );
    }
  },
);

Then(
  'the audit log shows each list was one range read of its prefix, and listed exactly the names etcd holds under it',
  async function (this: KubeWorld) {
    const listed = lists.get(this);
    assert.ok(listed, 'nothing was listed');
    for (const { row, remembered } of rowsOf(this)) {
      const prefix = this.expand(row.listPrefix ?? '', remembered);
      const list = await eventually(
        async () => {
          // The latest: a cluster-scoped kind's earlier lists, in earlier scenarios, match too.
          const found = requestsOf(await readAuditLog(this.auditLogPath), Lister, 'list', remembered).at(-1);
          assert.ok(found, `the audit log has no list of the ${row.label}`);
          return found;
        },
        { timeoutMs: 5000 },
      );
      assert.deepEqual(
        (list.etcd ?? []).map(shown),
        [`range ${prefix} (prefix)`],
        `the list of the ${row.label} read other keys than its prefix`,
      );
      // The keys under the prefix at the revision the list was read at: what the list had to see.
      const { answered, held } = await keysAtListRevision(this, remembered, prefix, listed.get(row.label));
      assert.deepEqual(answered?.names, held, `the list of the ${row.label} and the keys under ${prefix}`);
      assert.ok(held.includes(remembered.name), `the ${row.label} is not under ${prefix}`);
    }
  },
);

When('each of those objects is deleted with kubectl', async function (this: KubeWorld) {
  for (const { remembered } of rowsOf(this)) {
    const namespace = remembered.namespace ? ['-n', remembered.namespace] : [];
    const result = await this.kubectl(['delete', remembered.kind.ref.resource, remembered.name, ...namespace]);
    assert.equal(result.exitCode, 0, result.stderr);
  }
});

Then(
  'the audit log shows each delete removed its key in one etcd transaction, and etcd holds none of those keys any more',
  async function (this: KubeWorld) {
    for (const { row, remembered } of rowsOf(this)) {
      const key = this.expand(row.key, remembered);
      const removal = await eventually(
        async () => {
          const [found] = requestsOf(await readAuditLog(this.auditLogPath), 'kubectl', 'delete', remembered);
          assert.ok(found, `the audit log has no delete of the ${row.label} by kubectl`);
          return found;
        },
        { timeoutMs: 5000 },
      );
      const writes = (removal.etcd ?? []).filter((operation) => operation.op === 'txn');
      assert.deepEqual(
        writes.map(({ key, write, succeeded }) => ({ key, write, succeeded })),
        [{ key, write: 'delete', succeeded: true }],
        `the delete of the ${row.label}`,
      );
      const { kvs } = await this.etcdGet(key);
      assert.equal(kvs.length, 0, `etcd still holds ${key}`);
    }
  },
);
