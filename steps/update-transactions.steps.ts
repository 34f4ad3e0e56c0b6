// Steps about the store's compare-and-swap loop, as the audit log shows it: each update's etcd
// requests (the read, the transaction and its compare), and what a writer that lost a race in
// etcd did next. Every write goes through the API server.

import assert from 'node:assert/strict';
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { type AuditEvent, clientName, type EtcdOperation } from '../impl/client/audit-event.js';
import { ApiError, type RestClient } from '../impl/client/rest-client.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

const configMap = kindByWords('config map');

/** One update a client sent: the name, the resourceVersion it read first, and the answer. */
interface SentUpdate {
  name: string;
  read?: string;
  answered?: KubeObject;
  error?: ApiError;
}

/** One patch of a race: who sent it, the annotation it adds, and the error if it got one. */
interface RacingPatch {
  client: string;
  annotation: string;
  error?: ApiError;
}

const sentUpdates = new WeakMap<KubeWorld, Map<string, SentUpdate>>();
const racingPatches = new WeakMap<KubeWorld, RacingPatch[]>();

/** The way the feature writes an etcd request: `range`, `txn if mod_revision == 7 then put: held`. */
function described(operation: EtcdOperation): string {
  if (operation.op !== 'txn') return operation.op;
  return `txn if ${operation.compare} then ${operation.write}: ${operation.succeeded ? 'held' : 'failed'}`;
}

function keyOf(world: KubeWorld, name: string): string {
  return `/registry/configmaps/${world.namespace}/${name}`;
}

/** The updates and patches `client` sent for `name`, once the request completed. */
function writesBy(events: AuditEvent[], world: KubeWorld, name: string, client?: string): AuditEvent[] {
  return events.filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      (event.verb === 'update' || event.verb === 'patch') &&
      event.objectRef?.namespace === world.namespace &&
      event.objectRef?.name === name &&
      (client === undefined || clientName(event.userAgent) === client),
  );
}

async function sendUpdate(world: KubeWorld, client: RestClient, name: string, sends: string): Promise<SentUpdate> {
  const ref = { ...configMap.ref, namespace: world.namespace, name };
  const sent: SentUpdate = { name };
  try {
    if (sends === 'a config map never created') {
      sent.name = world.uniqueName('never');
      sent.answered = await client.update({ ...ref, name: sent.name }, configMap.manifest(sent.name));
      return sent;
    }
    const read = await client.get(ref);
    sent.read = read.metadata.resourceVersion;
    if (sends === 'a changed copy of what it read')
      sent.answered = await client.update(ref, { ...read, data: { ...(read.data as object), edited: 'yes' } });
    else if (sends === 'a merge patch of one annotation')
      sent.answered = await client.patch(ref, { metadata: { annotations: { patched: 'yes' } } });
    else if (sends === 'exactly what it read') sent.answered = await client.update(ref, read);
    else throw new Error(`sendUpdate: no update called "${sends}"`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sent.error = error;
  }
  return sent;
}

When(
  'these updates of {string} are sent through the API, one after the other, each by a client that read it first:',
  async function (this: KubeWorld, label: string, table: DataTable) {
    const { name } = this.recall(label);
    const sent = new Map<string, SentUpdate>();
    for (const { client, sends } of table.hashes())
      sent.set(client ?? '', await sendUpdate(this, this.newClient(client ?? ''), name, sends ?? ''));
    sentUpdates.set(this, sent);
  },
);

/** The answer in the feature's words, from the answer and the transaction that wrote it. */
function answerText(sent: SentUpdate, written: EtcdOperation | undefined): string {
  if (sent.error) return `${sent.error.code} ${sent.error.reason}: ${sent.error.status.message}`;
  const answered = sent.answered?.metadata.resourceVersion;
  if (written && answered === String(written.revision)) return '200, the resourceVersion its transaction wrote';
  if (answered === sent.read) return '200, the resourceVersion it read';
  return `200, resourceVersion ${answered} (it read ${sent.read}, its transaction wrote ${written?.revision})`;
}

Then(
  "the audit log shows each update's answer and its etcd requests:",
  async function (this: KubeWorld, table: DataTable) {
    const sent = sentUpdates.get(this);
    assert.ok(sent, 'no updates were sent');
    const expected = table.hashes().map(({ client = '', answer = '', etcd = '' }) => {
      const { name = '', read = '' } = sent.get(client) ?? {};
      return { client, answer: answer.replaceAll('{name}', name), etcd: etcd.replaceAll('{read}', read) };
    });
    await eventually(
      async () => {
        const events = await readAuditLog(this.auditLogPath);
        const actual = expected.map(({ client }) => {
          const update = sent.get(client) ?? { name: '' };
          const [event] = writesBy(events, this, update.name, client);
          assert.ok(event, `the audit log has no update by ${client}`);
          const operations = event.etcd ?? [];
          for (const operation of operations)
            assert.equal(operation.key, keyOf(this, update.name), `${client}'s ${operation.op} is not of its key`);
          const written = operations.find((operation) => operation.op === 'txn' && operation.succeeded);
          return { client, answer: answerText(update, written), etcd: operations.map(described).join('; ') };
        });
        assert.deepEqual(actual, expected);
      },
      { timeoutMs: 5000 },
    );
  },
);

/** A patch that lost a race in etcd: a transaction of it failed its compare. */
function lostRace(event: AuditEvent): boolean {
  return (event.etcd ?? []).some((operation) => operation.op === 'txn' && operation.succeeded === false);
}

When(
  '{int} clients each patch an annotation of their own onto {string} ' +
    'at the same moment, again until one loses a race in etcd',
  { timeout: 60_000 },
  async function (this: KubeWorld, count: number, label: string) {
    const remembered = this.recall(label);
    const ref = this.refFor(remembered);
    const racers = Array.from({ length: count }, (_, index) => ({
      name: `racer-${index}`,
      client: this.newClient(`racer-${index}`),
    }));
    const patches: RacingPatch[] = [];
    racingPatches.set(this, patches);
    // Whether two writes meet in etcd depends on timing: race again, a bounded number of
    // times, until the audit log shows one did.
    const deadline = Date.now() + 30_000;
    for (let round = 0; Date.now() < deadline; round++) {
      const sent = await Promise.all(
        racers.map(async ({ name, client }): Promise<RacingPatch> => {
          const patch: RacingPatch = { client: name, annotation: `${name}-round-${round}` };
          try {
            await client.patch(ref, { metadata: { annotations: { [patch.annotation]: 'landed' } } });
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            patch.error = error;
          }
          return patch;
        }),
      );
      patches.push(...sent);
      const events = await readAuditLog(this.auditLogPath);
      if (writesBy(events, this, remembered.name).some(lostRace)) return;
    }
  },
);

Then('every patch succeeded, and every annotation is on {string}', async function (this: KubeWorld, label: string) {
  const patches = racingPatches.get(this) ?? [];
  const refused = patches.filter((patch) => patch.error);
  assert.deepEqual(
    refused.map((patch) => `${patch.client}: ${patch.error?.message}`),
    [],
    'patches carry no resourceVersion: none may be refused',
  );
  const stored = await this.api.get(this.refFor(this.recall(label)));
  const missing = patches.filter((patch) => stored.metadata.annotations?.[patch.annotation] !== 'landed');
  assert.deepEqual(
    missing.map((patch) => patch.annotation),
    [],
    `of ${patches.length} patches, these annotations were lost`,
  );
});

Then(
  'the audit log shows a patch whose transaction ' +
    'failed on the mod_revision it read, and held on the one another patch wrote',
  async function (this: KubeWorld) {
    const { name } = this.recall(this.lastLabel);
    await eventually(
      async () => {
        const events = writesBy(await readAuditLog(this.auditLogPath), this, name);
        const losers = events.filter(lostRace);
        assert.ok(losers.length > 0, `none of ${events.length} patches lost a race in etcd: no compare ever failed`);
        const written = (event: AuditEvent) =>
          (event.etcd ?? [])
            .filter((operation) => operation.op === 'txn' && operation.succeeded)
            .map((t) => t.revision);
        const shapes = losers.map((loser) => {
          const operations = loser.etcd ?? [];
          const transactions = operations.filter((operation) => operation.op === 'txn');
          const compared = transactions.map((operation) => Number(/== (\d+)$/.exec(operation.compare ?? '')?.[1]));
          const others = new Set(events.filter((event) => event !== loser).flatMap(written));
          const last = transactions.at(-1);
          return {
            requests: operations.map(described).join('; '),
            // A read, failed compares, then one that held: each retry compares what another wrote.
            isRetriedOnFresh:
              operations[0]?.op === 'range' &&
              transactions.length === operations.length - 1 &&
              transactions.slice(0, -1).every((operation) => operation.succeeded === false) &&
              last?.succeeded === true &&
              compared.every((revision, index) => index === 0 || revision > (compared[index - 1] ?? 0)) &&
              compared.slice(1).every((revision) => others.has(revision)),
          };
        });
        assert.ok(
          shapes.some((shape) => shape.isRetriedOnFresh),
          `no patch that lost a race retried on what the winner wrote; the losers sent:\n${shapes
            .map((shape) => shape.requests)
            .join('\n')}`,
        );
      },
      { timeoutMs: 5000 },
    );
  },
);
