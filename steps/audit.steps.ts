// Steps that read the API server's audit log: the mechanism behind an outcome.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Then, When } from '@cucumber/cucumber';
import { type AuditEvent, clientName } from '../impl/client/audit-event.js';
import type { KubeObject } from '../impl/client/types.js';
import { causalRevision, eventsAbout, readAuditLog, replicaSetReconcile } from './support/audit.js';
import {
  batchProblems,
  controllerRequests,
  describeRequests,
  inReceivedOrder,
  lastChangeOf,
} from './support/batches.js';
import { eventually } from './support/eventually.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

const configMap = kindByWords('config map');

/** Where scenarios save traces; a course author copies the one a lesson replays into lessons/traces. */
export const TraceDirectory = 'reports/traces';

async function auditAbout(world: KubeWorld, label: string): Promise<AuditEvent[]> {
  const { name, namespace } = world.recall(label);
  return eventsAbout(await readAuditLog(world.auditLogPath), namespace ?? world.namespace, name);
}

function completed(events: AuditEvent[], verb: string, client: string): AuditEvent | undefined {
  return events.find(
    (event) => event.stage === 'ResponseComplete' && event.verb === verb && clientName(event.userAgent) === client,
  );
}

When('a config map {string} is created with kubectl', async function (this: KubeWorld, label: string) {
  const name = this.uniqueName('configmap');
  const result = await this.kubectl([
    'create',
    'configmap',
    name,
    '-n',
    this.namespace,
    '--from-literal=greeting=hello',
    '-o',
    'json',
  ]);
  assert.equal(result.exitCode, 0, result.stderr);
  // kubectl prints the object the API server answered, resourceVersion included.
  const object = JSON.parse(result.stdout) as KubeObject;
  this.remember(label, { kind: configMap, name, namespace: this.namespace, object });
  this.lastLabel = label;
});

Then(
  "the audit log shows kubectl's create of {string} answered {int}",
  async function (this: KubeWorld, label: string, code: number) {
    await eventually(
      async () => {
        const create = completed(await auditAbout(this, label), 'create', 'kubectl');
        assert.ok(create, 'no create from kubectl in the audit log');
        assert.equal(create.responseStatus?.code, code);
      },
      { timeoutMs: 5000 },
    );
  },
);

Then(
  'that request wrote the key of {string} in one etcd transaction that required the key to be absent',
  async function (this: KubeWorld, label: string) {
    const { name, namespace } = this.recall(label);
    const create = completed(await auditAbout(this, label), 'create', 'kubectl');
    const writes = (create?.etcd ?? []).filter((operation) => operation.op === 'txn');
    assert.deepEqual(
      writes.map(({ key, compare, write, succeeded }) => ({ key, compare, write, succeeded })),
      [
        {
          key: `/registry/configmaps/${namespace}/${name}`,
          compare: 'mod_revision == 0',
          write: 'put',
          succeeded: true,
        },
      ],
    );
  },
);

Then('kubectl was answered the resourceVersion that transaction wrote', async function (this: KubeWorld) {
  const remembered = this.recall(this.lastLabel);
  const create = completed(await auditAbout(this, this.lastLabel), 'create', 'kubectl');
  const write = create?.etcd?.find((operation) => operation.op === 'txn' && operation.succeeded);
  assert.ok(write, 'the create wrote nothing to etcd');
  assert.equal(remembered.object?.metadata.resourceVersion, String(write.revision));
});

Then(
  "the audit log shows the refused create's one etcd transaction " +
    'required the key to be absent, failed and wrote nothing, and only then the key was read',
  async function (this: KubeWorld) {
    const { name, namespace } = this.recall(this.lastLabel);
    await eventually(
      async () => {
        const refused = (await auditAbout(this, this.lastLabel)).find(
          (event) =>
            event.stage === 'ResponseComplete' && event.verb === 'create' && event.responseStatus?.code === 409,
        );
        assert.ok(refused, 'no refused create in the audit log');
        // etcd decides in the transaction itself; a read before it would leave a gap for another create.
        const operations = (refused.etcd ?? []).map(({ op, key, compare, write, succeeded }) => ({
          op,
          key,
          compare,
          write,
          succeeded,
        }));
        const key = `/registry/configmaps/${namespace}/${name}`;
        const [transaction, ...after] = operations;
        assert.deepEqual(transaction, { op: 'txn', key, compare: 'mod_revision == 0', write: 'put', succeeded: false });
        // Then the registry reads what holds the name, to say whether it is being deleted.
        assert.deepEqual(
          after.map(({ op, key }) => `${op} ${key}`),
          [`range ${key}`],
        );
      },
      { timeoutMs: 5000 },
    );
  },
);

Then('the audit log shows the refused update read the key and wrote nothing to etcd', async function (this: KubeWorld) {
  const { name, namespace } = this.recall(this.lastLabel);
  await eventually(
    async () => {
      const refused = (await auditAbout(this, this.lastLabel)).find(
        (event) => event.verb === 'update' && event.responseStatus?.code === 409,
      );
      assert.ok(refused, 'no refused update in the audit log');
      assert.equal(clientName(refused.userAgent), 'second-client');
      const operations = (refused.etcd ?? []).map(({ op, key }) => ({ op, key }));
      assert.deepEqual(operations, [{ op: 'range', key: `/registry/configmaps/${namespace}/${name}` }]);
    },
    { timeoutMs: 5000 },
  );
});

Then(
  'the audit log shows the ADDED event sent to the watcher ' +
    "carries the revision that kubectl's create of {string} wrote to etcd",
  async function (this: KubeWorld, label: string) {
    await eventually(
      async () => {
        const events = await auditAbout(this, label);
        const create = completed(events, 'create', 'kubectl');
        // The scenario's watcher: the controller manager's informers (the garbage collector's) are told too.
        const added = events.find(
          (event) =>
            event.stage === 'WatchEvent' &&
            event.watchEvent?.type === 'ADDED' &&
            clientName(event.userAgent) === 'kubelab-scenario',
        );
        assert.ok(
          create && added,
          `expected a create and an ADDED event, got ${events.map((e) => `${e.stage}:${e.verb}`).join(', ')}`,
        );
        const write = create.etcd?.find((operation) => operation.op === 'txn' && operation.succeeded);
        assert.ok(write, 'the create wrote nothing to etcd');
        // The watcher is told the revision the transaction wrote: that is its resourceVersion.
        assert.equal(added.watchEvent?.resourceVersion, String(write.revision));
        assert.equal(clientName(added.userAgent), 'kubelab-scenario');
      },
      { timeoutMs: 5000 },
    );
  },
);

Then('the flow is saved as the trace {string}', async function (this: KubeWorld, traceName: string) {
  const events = await auditAbout(this, this.lastLabel);
  assert.ok(events.length > 0, 'the audit log has nothing about this object');
  // The log is in completion order, and a watcher may hear of a write before its writer gets
  // the response. A trace reads better in causal order: each write, then what it caused.
  const ordered = [...events].sort((a, b) => causalRevision(a) - causalRevision(b));
  const trace = { name: traceName, title: this.scenarioName, scenario: this.scenarioUri, events: ordered };
  await mkdir(TraceDirectory, { recursive: true });
  await writeFile(path.join(TraceDirectory, `${traceName}.json`), `${JSON.stringify(trace, null, 2)}\n`);
});

Then(
  'the audit log shows the controller manager, told by its watch, ' +
    'created the {int} missing pods of {string} and then wrote its status',
  async function (this: KubeWorld, count: number, label: string) {
    const { name } = this.recall(label);
    await eventually(
      async () => {
        const flow = replicaSetReconcile(await readAuditLog(this.auditLogPath), this.namespace, name);
        const steps = flow.map((event) => {
          const action =
            event.stage === 'WatchEvent'
              ? `<- ${event.watchEvent?.type}`
              : `${event.verb} ${event.responseStatus?.code}`;
          const subresource = event.objectRef?.subresource ? `/${event.objectRef.subresource}` : '';
          return `${clientName(event.userAgent)} ${action} ${event.objectRef?.resource}${subresource}`;
        });
        const told = steps.indexOf('kube-controller-manager <- MODIFIED replicasets');
        const creates = steps.filter((step) => step === 'kube-controller-manager create 201 pods');
        assert.ok(
          told > 0 && steps.indexOf('kube-controller-manager create 201 pods') > told,
          `the controller manager created pods before its watch told it of the change:\n${steps.join('\n')}`,
        );
        assert.equal(creates.length, count, `the controller manager's creates:\n${steps.join('\n')}`);
        assert.equal(
          steps.at(-1),
          'kube-controller-manager update 200 replicasets/status',
          `no status written after the creates:\n${steps.join('\n')}`,
        );
      },
      { timeoutMs: 5000, intervalMs: 250 },
    );
  },
);

Then(
  'the reconcile of {string} is saved as the trace {string}',
  async function (this: KubeWorld, label: string, traceName: string) {
    const events = replicaSetReconcile(await readAuditLog(this.auditLogPath), this.namespace, this.recall(label).name);
    assert.ok(events.length > 0, 'the audit log has no reconcile of this replica set');
    const trace = { name: traceName, title: this.scenarioName, scenario: this.scenarioUri, events };
    await mkdir(TraceDirectory, { recursive: true });
    await writeFile(path.join(TraceDirectory, `${traceName}.json`), `${JSON.stringify(trace, null, 2)}\n`);
  },
);

/** What the controller manager did to the set's pods, and the events it wrote, since the set last changed (or ever). */
async function podWrites(world: KubeWorld, label: string, isSinceLastChange = true) {
  const events = await readAuditLog(world.auditLogPath);
  const { name } = world.recall(label);
  const since = isSinceLastChange ? lastChangeOf(events, world.namespace, name) : 0;
  // A refused create names no pod; in the scenario's namespace it can only be one of this set's.
  const ofThisSet = (event: AuditEvent) => !event.objectRef?.name || event.objectRef.name.startsWith(`${name}-`);
  return {
    creates: controllerRequests(events, world.namespace, 'pods', ['create'], since).filter(ofThisSet),
    deletes: controllerRequests(events, world.namespace, 'pods', ['delete'], since).filter(ofThisSet),
    eventWrites: controllerRequests(events, world.namespace, 'events', ['create', 'patch'], since),
  };
}

function codes(requests: AuditEvent[]): number[] {
  return [...new Set(requests.map((request) => request.responseStatus?.code ?? 0))];
}

Then(
  'the audit log shows the controller manager created the pods of {string} in batches of {counts}, ' +
    'each batch sent together once the one before was answered',
  async function (this: KubeWorld, label: string, sizes: number[]) {
    await eventually(
      async () => {
        const { creates, eventWrites } = await podWrites(this, label);
        const seen = `the controller manager's creates and events:\n${describeRequests([...creates, ...eventWrites])}`;
        assert.deepEqual(codes(creates), [201], seen);
        assert.deepEqual(batchProblems(creates, eventWrites, sizes, true), [], seen);
      },
      { timeoutMs: 5000, intervalMs: 250 },
    );
  },
);

Then(
  'the audit log shows the controller manager deleted the {int} surplus pods of {string}, and created none',
  async function (this: KubeWorld, count: number, label: string) {
    await eventually(
      async () => {
        const { creates, deletes } = await podWrites(this, label);
        const seen = `the controller manager's requests:\n${describeRequests([...creates, ...deletes])}`;
        assert.deepEqual({ deleted: deletes.length, created: creates.length }, { deleted: count, created: 0 }, seen);
        assert.deepEqual(codes(deletes), [200], seen);
      },
      { timeoutMs: 5000, intervalMs: 250 },
    );
  },
);

Then(
  "within {int} seconds the audit log shows the controller manager's creates of {string} " +
    'were refused one at a time, and retried',
  async function (this: KubeWorld, seconds: number, label: string) {
    await eventually(
      async () => {
        const { creates, eventWrites } = await podWrites(this, label);
        const seen = `the controller manager's creates and events:\n${describeRequests([...creates, ...eventWrites])}`;
        assert.deepEqual(codes(creates), [403], seen);
        assert.ok(creates.length >= 2, `no retry yet: ${seen}`);
        const ones = creates.map(() => 1);
        assert.deepEqual(batchProblems(creates, eventWrites, ones, false), [], seen);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then(
  "the audit log shows the controller manager's creates of {string} " +
    'were refused one at a time, then sent in batches of {counts}',
  async function (this: KubeWorld, label: string, sizes: number[]) {
    await eventually(
      async () => {
        const { creates, eventWrites } = await podWrites(this, label, false);
        const seen = `the controller manager's creates and events:\n${describeRequests([...creates, ...eventWrites])}`;
        const ordered = inReceivedOrder(creates);
        const firstCreated = ordered.findIndex((create) => create.responseStatus?.code === 201);
        const refused = ordered.slice(0, Math.max(0, firstCreated));
        const created = firstCreated < 0 ? [] : ordered.slice(firstCreated);
        assert.ok(refused.length > 0, `no refused create: ${seen}`);
        assert.deepEqual(codes(refused), [403], seen);
        assert.deepEqual(codes(created), [201], seen);
        const ones = refused.map(() => 1);
        assert.deepEqual(batchProblems(refused, eventWrites, ones, false), [], seen);
        assert.deepEqual(batchProblems(created, eventWrites, sizes, true), [], seen);
      },
      { timeoutMs: 5000, intervalMs: 250 },
    );
  },
);
