// Steps about optimistic locking: clients that read, change and write the same object.

import { isConflict } from '../impl/client/api-errors.js';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Given, Then, When } from '@cucumber/cucumber';
import { ApiError, type RestClient } from '../impl/client/rest-client.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

interface Writer {
  client: RestClient;
  copy: KubeObject;
  result?: KubeObject;
  error?: ApiError;
}

const writers = new WeakMap<KubeWorld, Writer[]>();
const conflictCounts = new WeakMap<KubeWorld, number>();
/** What one of several simultaneous creates got: "created" and the object, or "<code> <reason>". */
interface CreateOutcome {
  outcome: string;
  object?: KubeObject;
}
const createOutcomes = new WeakMap<KubeWorld, CreateOutcome[]>();
const configMap = kindByWords('config map');

async function readWith(world: KubeWorld, label: string, userAgent: string): Promise<Writer> {
  const client = world.newClient(userAgent);
  return { client, copy: await client.get(world.refFor(world.recall(label))) };
}

async function write(world: KubeWorld, label: string, writer: Writer, key: string): Promise<void> {
  writer.copy.data = { ...(writer.copy.data as object), [key]: 'written' };
  try {
    writer.result = await writer.client.update(world.refFor(world.recall(label)), writer.copy);
    writer.error = undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    writer.error = error;
  }
}

Given('two clients have read the same version of {string}', async function (this: KubeWorld, label: string) {
  const pair = [await readWith(this, label, 'first-client'), await readWith(this, label, 'second-client')];
  assert.equal(pair[0]?.copy.metadata.resourceVersion, pair[1]?.copy.metadata.resourceVersion);
  writers.set(this, pair);
});

When('both clients update {string} one after the other', async function (this: KubeWorld, label: string) {
  const [first, second] = writers.get(this) ?? [];
  assert.ok(first && second);
  await write(this, label, first, 'first');
  await write(this, label, second, 'second');
  this.lastLabel = label;
});

Then('the first update succeeds with a newer resourceVersion', function (this: KubeWorld) {
  const [first] = writers.get(this) ?? [];
  assert.equal(first?.error, undefined, `the first update failed: ${first?.error?.message}`);
  assert.ok(Number(first?.result?.metadata.resourceVersion) > Number(first?.copy.metadata.resourceVersion));
});

Then(
  'the second update is refused with {int} {word}: {string}',
  function (this: KubeWorld, code: number, reason: string, message: string) {
    const [, second] = writers.get(this) ?? [];
    assert.ok(second?.error, 'the second update was accepted');
    assert.equal(second.error.code, code, second.error.message);
    assert.equal(second.error.reason, reason, second.error.message);
    assert.equal(second.error.status.message, this.expand(message, this.recall(this.lastLabel)));
  },
);

Given(
  "a second client's update of {string} was refused with a Conflict",
  async function (this: KubeWorld, label: string) {
    const pair = [await readWith(this, label, 'first-client'), await readWith(this, label, 'second-client')];
    await write(this, label, pair[0] as Writer, 'first');
    await write(this, label, pair[1] as Writer, 'second');
    // The server's message goes into each failure: it names an unsolved exercise, if one was reached.
    assert.equal(pair[0]?.error, undefined, `the first client's update failed: ${pair[0]?.error?.message}`);
    assert.equal(pair[1]?.error?.reason, 'Conflict', `the second client's update got ${pair[1]?.error?.message}`);
    writers.set(this, pair);
  },
);

When('the second client reads {string} again and retries its update', async function (this: KubeWorld, label: string) {
  const second = writers.get(this)?.[1];
  assert.ok(second);
  second.copy = await second.client.get(this.refFor(this.recall(label)));
  await write(this, label, second, 'second');
});

Then('the retry succeeds and both changes are in {string}', async function (this: KubeWorld, label: string) {
  const second = writers.get(this)?.[1];
  assert.equal(second?.error, undefined, `the retry failed: ${second?.error?.message}`);
  const stored = await this.api.get(this.refFor(this.recall(label)));
  assert.deepEqual(
    { first: (stored.data as Record<string, string>).first, second: (stored.data as Record<string, string>).second },
    { first: 'written', second: 'written' },
  );
});

Given(
  'a copy of {string} was saved to a file, then {string} was changed through the API',
  async function (this: KubeWorld, label: string, same: string) {
    assert.equal(label, same);
    const remembered = this.recall(label);
    const saved = await this.kubectl(['get', 'configmap', remembered.name, '-n', this.namespace, '-o', 'yaml']);
    assert.equal(saved.exitCode, 0, saved.stderr);
    const file = path.join(tmpdir(), `${remembered.name}.yaml`);
    await writeFile(file, saved.stdout);
    this.files.set(label, file);
    await this.api.patch(this.refFor(remembered), { data: { greeting: 'changed behind your back' } });
  },
);

When('the saved copy is replaced with kubectl', async function (this: KubeWorld) {
  const file = this.files.get(this.lastLabel);
  assert.ok(file, 'no copy was saved');
  await this.kubectl(['replace', '-f', file]);
});

When(
  '{int} clients each increment the {string} annotation of {string} {int} times, retrying on Conflict',
  async function (this: KubeWorld, clients: number, key: string, label: string, times: number) {
    const ref = this.refFor(this.recall(label));
    let conflicts = 0;
    const increment = async (client: RestClient) => {
      for (;;) {
        const current = await client.get(ref);
        const count = Number(current.metadata.annotations?.[key] ?? 0);
        current.metadata.annotations = { ...current.metadata.annotations, [key]: String(count + 1) };
        try {
          await client.update(ref, current);
          return;
        } catch (error) {
          if (!isConflict(error)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(
      Array.from({ length: clients }, async (_, index) => {
        const client = this.newClient(`incrementer-${index}`);
        for (let i = 0; i < times; i++) await increment(client);
      }),
    );
    conflictCounts.set(this, conflicts);
  },
);

Then(
  'the {string} annotation of {string} is {string}',
  async function (this: KubeWorld, key: string, label: string, expected: string) {
    const stored = await this.api.get(this.refFor(this.recall(label)));
    assert.equal(stored.metadata.annotations?.[key], expected);
  },
);

Then('at least one of those updates was refused with a Conflict first', function (this: KubeWorld) {
  assert.ok((conflictCounts.get(this) ?? 0) > 0, 'no update was ever refused: the writers never raced');
});

When(
  '{int} clients create a config map with the same new name at the same moment',
  async function (this: KubeWorld, clients: number) {
    const name = this.uniqueName('contested');
    this.remember('contested', { kind: configMap, name, namespace: this.namespace });
    this.lastLabel = 'contested';
    const creators = Array.from({ length: clients }, (_, index) => this.newClient(`creator-${index}`));
    const outcomes = await Promise.all(
      creators.map(async (client): Promise<CreateOutcome> => {
        try {
          const object = await client.create({ ...configMap.ref, namespace: this.namespace }, configMap.manifest(name));
          return { outcome: 'created', object };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          return { outcome: `${error.code} ${error.reason}` };
        }
      }),
    );
    createOutcomes.set(this, outcomes);
  },
);

Then(
  'exactly one create succeeds and the other {int} are refused with {int} {word}',
  function (this: KubeWorld, others: number, code: number, reason: string) {
    const outcomes = (createOutcomes.get(this) ?? []).map(({ outcome }) => outcome);
    const count = (outcome: string) => outcomes.filter((candidate) => candidate === outcome).length;
    assert.deepEqual(
      { created: count('created'), refused: count(`${code} ${reason}`) },
      { created: 1, refused: others },
      `the creates got: ${outcomes.join(', ')}`,
    );
  },
);

Then(
  'the one that succeeded was answered the resourceVersion the config map has now',
  async function (this: KubeWorld) {
    const winner = (createOutcomes.get(this) ?? []).find(({ outcome }) => outcome === 'created');
    assert.ok(winner, 'no create succeeded');
    const stored = await this.api.get(this.refFor(this.recall('contested')));
    assert.equal(winner.object?.metadata.resourceVersion, stored.metadata.resourceVersion);
  },
);

Then(
  'the audit log shows each of the {int} creates ' +
    'sent one etcd transaction that required the key to be absent, and only one held',
  async function (this: KubeWorld, clients: number) {
    const { name, namespace } = this.recall('contested');
    const key = `/registry/configmaps/${namespace}/${name}`;
    await eventually(
      async () => {
        const creates = (await readAuditLog(this.auditLogPath)).filter(
          (event) =>
            event.stage === 'ResponseComplete' &&
            event.verb === 'create' &&
            event.objectRef?.namespace === namespace &&
            event.objectRef?.name === name,
        );
        assert.equal(creates.length, clients, `the audit log has ${creates.length} of the ${clients} creates`);
        const transactions = creates.map((event) =>
          (event.etcd ?? []).map(({ op, key, compare, write }) => ({ op, key, compare, write })),
        );
        // Each sent its transaction first; a refused one then read the key, to word its answer.
        for (const [transaction, ...after] of transactions) {
          assert.deepEqual(transaction, { op: 'txn', key, compare: 'mod_revision == 0', write: 'put' });
          assert.ok(
            after.every((operation) => operation.op === 'range' && operation.key === key),
            'a create wrote after its transaction',
          );
        }
        const held = creates.filter((event) => event.etcd?.some((operation) => operation.succeeded));
        assert.equal(held.length, 1, `${held.length} of the transactions held`);
      },
      { timeoutMs: 5000 },
    );
  },
);
