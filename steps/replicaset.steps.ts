// Steps about ReplicaSets: desired replicas, and the pods the controller keeps.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { WatchDelayAnnotation } from '../impl/client/kubelab-annotations.js';
import type { KubeObject } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import { eventuallyExplained } from './support/warnings.js';
import { createPod, createReplicaSet, eventsOf, podsOwnedBy, whyPending } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

const replicaSets = { group: 'apps', resource: 'replicasets' };

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return (
    conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True') &&
    !pod.metadata.deletionTimestamp
  );
}

/** Waits until the set owns exactly `count` pods, all ready; returns them. */
async function waitForReadyPods(
  world: KubeWorld,
  label: string,
  count: number,
  seconds: number,
  excluded?: string,
): Promise<KubeObject[]> {
  return eventuallyExplained(
    world,
    async () => {
      const pods = (await podsOwnedBy(world, label)).filter((pod) => !pod.metadata.deletionTimestamp);
      assert.ok(!pods.some((pod) => pod.metadata.name === excluded), `${excluded} is still counted`);
      assert.equal(
        pods.length,
        count,
        `replica set "${label}" owns ${pods.length} pods: ` +
          `${pods.map((pod) => pod.metadata.name).join(', ')}${await whyReplicaSetsFail(world)}`,
      );
      assert.ok(
        pods.every(isReady),
        `not all ready: ${pods.map((pod) => `${pod.metadata.name}=${pod.status?.phase}${whyPending(pod)}`).join(', ')}`,
      );
      return pods;
    },
    { timeoutMs: seconds * 1000, intervalMs: 200 },
  );
}

Given(
  'a replica set {string} with {int} replicas was created and is ready',
  async function (this: KubeWorld, label: string, replicas: number) {
    await createReplicaSet(this, label, replicas);
    await waitForReadyPods(this, label, replicas, 20);
  },
);

Given(
  'a pod {string} with the labels replica set {string} will select was created',
  async function (this: KubeWorld, label: string, owner: string) {
    const ownerName = this.uniqueName(owner);
    this.notes.set(`name of ${owner}`, ownerName);
    await createPod(this, label, {}, {}, { labels: { app: ownerName } });
  },
);

When(
  'replica set {string} is scaled to {int} with kubectl',
  async function (this: KubeWorld, label: string, replicas: number) {
    const result = await this.kubectl([
      'scale',
      'replicaset',
      this.recall(label).name,
      '-n',
      this.namespace,
      `--replicas=${replicas}`,
    ]);
    assert.equal(result.exitCode, 0, result.stderr);
  },
);

When('one of the pods of {string} is deleted with kubectl', async function (this: KubeWorld, label: string) {
  const [victim] = await podsOwnedBy(this, label);
  assert.ok(victim, 'the replica set has no pod');
  this.notes.set('chosen pod', victim.metadata.name ?? '');
  const result = await this.kubectl([
    'delete',
    'pod',
    victim.metadata.name ?? '',
    '-n',
    this.namespace,
    '--wait=false',
  ]);
  assert.equal(result.exitCode, 0, result.stderr);
});

When(
  'one of the pods of {string} is relabelled with kubectl so that the selector no longer matches it',
  async function (this: KubeWorld, label: string) {
    const [chosen] = await podsOwnedBy(this, label);
    assert.ok(chosen, 'the replica set has no pod');
    this.notes.set('chosen pod', chosen.metadata.name ?? '');
    const result = await this.kubectl([
      'label',
      'pod',
      chosen.metadata.name ?? '',
      '-n',
      this.namespace,
      'app=released',
      '--overwrite',
    ]);
    assert.equal(result.exitCode, 0, result.stderr);
    this.cleanups.push(() =>
      this.api
        .delete({ resource: 'pods', namespace: this.namespace, name: chosen.metadata.name }, { gracePeriodSeconds: 0 })
        .then(
          () => undefined,
          () => undefined,
        ),
    );
  },
);

Then(
  'within {int} seconds replica set {string} has {int} ready pods',
  async function (this: KubeWorld, seconds: number, label: string, count: number) {
    await waitForReadyPods(this, label, count, seconds);
  },
);

Then(
  'within {int} seconds replica set {string} has {int} ready pods, and the {word} one is not among them',
  async function (this: KubeWorld, seconds: number, label: string, count: number, which: string) {
    // The pod that was chosen (deleted or relabelled) must have left the count, within the limit too.
    const excluded = this.notes.get('chosen pod');
    assert.ok(excluded, `no pod was ${which}`);
    await waitForReadyPods(this, label, count, seconds, excluded);
  },
);

Then(
  'within {int} seconds replica set {string} has {int} ready pods, and {string} is among them',
  async function (this: KubeWorld, seconds: number, label: string, count: number, podLabel: string) {
    const pods = await waitForReadyPods(this, label, count, seconds);
    assert.ok(
      pods.some((pod) => pod.metadata.name === this.recall(podLabel).name),
      `${podLabel} was not adopted`,
    );
  },
);

Then('the relabelled pod still exists, with no controller', async function (this: KubeWorld) {
  const pod = await this.api.get({ resource: 'pods', namespace: this.namespace, name: this.notes.get('chosen pod') });
  assert.deepEqual(
    (pod.metadata.ownerReferences ?? []).filter((reference) => reference.controller),
    [],
  );
});

Then(
  'every pod of {string} names it as its controller and has a generated name starting with its name',
  async function (this: KubeWorld, label: string) {
    const { name } = this.recall(label);
    const rs = await this.api.get({ ...replicaSets, namespace: this.namespace, name });
    for (const pod of await podsOwnedBy(this, label)) {
      const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller);
      assert.deepEqual({ kind: owner?.kind, uid: owner?.uid }, { kind: 'ReplicaSet', uid: rs.metadata.uid });
      assert.match(pod.metadata.name ?? '', new RegExp(`^${name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    }
  },
);

Then(
  'within {int} seconds replica set {string} reports {int} replicas, {int} ready, ' +
    'and an observedGeneration equal to its generation',
  async function (this: KubeWorld, seconds: number, label: string, replicas: number, ready: number) {
    await eventually(
      async () => {
        const rs = await this.api.get({ ...replicaSets, namespace: this.namespace, name: this.recall(label).name });
        assert.deepEqual(
          {
            replicas: rs.status?.replicas,
            ready: rs.status?.readyReplicas,
            observedGeneration: rs.status?.observedGeneration,
          },
          { replicas, ready, observedGeneration: rs.metadata.generation },
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 200 },
    );
  },
);

/** The set's ReplicaFailure condition, if it has one. */
async function replicaFailureOf(world: KubeWorld, label: string): Promise<Record<string, unknown> | undefined> {
  const rs = await world.api.get({ ...replicaSets, namespace: world.namespace, name: world.recall(label).name });
  const conditions = (rs.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return conditions.find((condition) => condition.type === 'ReplicaFailure');
}

When(
  'a replica set {string} with {int} replicas whose pods every watch hears of {int} seconds late is created',
  async function (this: KubeWorld, label: string, replicas: number, seconds: number) {
    await createReplicaSet(this, label, replicas, {}, {}, { [WatchDelayAnnotation]: String(seconds) });
  },
);

Given(
  'a replica set {string} with {int} replicas whose pods every watch hears of {int} seconds late ' +
    'was created and is ready',
  async function (this: KubeWorld, label: string, replicas: number, seconds: number) {
    await createReplicaSet(this, label, replicas, {}, {}, { [WatchDelayAnnotation]: String(seconds) });
    await waitForReadyPods(this, label, replicas, 20);
  },
);

When(
  'a replica set {string} with {int} replicas whose pods ask for the priority class {string} is created',
  async function (this: KubeWorld, label: string, replicas: number, priorityClassName: string) {
    await createReplicaSet(this, label, replicas, {}, { priorityClassName });
  },
);

Given(
  'a replica set {string} with {int} replicas whose pods ask for the missing priority class {string} ' +
    'was created, and its creates were refused',
  async function (this: KubeWorld, label: string, replicas: number, priorityClassName: string) {
    await createReplicaSet(this, label, replicas, {}, { priorityClassName });
    await eventually(
      async () => assert.equal((await replicaFailureOf(this, label))?.reason, 'FailedCreate', 'no FailedCreate yet'),
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  },
);

When(
  'the priority class is removed from the pod template of replica set {string} with kubectl',
  async function (this: KubeWorld, label: string) {
    const patch = [{ op: 'remove', path: '/spec/template/spec/priorityClassName' }];
    const result = await this.kubectl([
      'patch',
      'replicaset',
      this.recall(label).name,
      '-n',
      this.namespace,
      '--type=json',
      `--patch=${JSON.stringify(patch)}`,
    ]);
    assert.equal(result.exitCode, 0, result.stderr);
  },
);

Then(
  'within {int} seconds replica set {string} tells why, in its status and in an event:',
  async function (this: KubeWorld, seconds: number, label: string, table: DataTable) {
    // <web> in a message stands for the set's name: its pods' generateName is "<name>-".
    const expected = table.hashes().map((row: Record<string, string>) => ({
      where: row.where,
      reason: row.reason,
      message: (row.message ?? '').replaceAll(`<${label}>`, this.recall(label).name),
    }));
    await eventually(
      async () => {
        const condition = await replicaFailureOf(this, label);
        const events = await eventsOf(this, label);
        const seen = expected.map(({ where, reason }) => {
          if (where === 'condition ReplicaFailure')
            return { where, reason: condition?.reason, message: condition?.message, status: condition?.status };
          const event = events.find((candidate) => candidate.type === 'Warning' && candidate.reason === reason);
          return { where, reason: event?.reason, message: event?.message, status: event ? 'True' : undefined };
        });
        assert.deepEqual(
          seen,
          expected.map((row) => ({ ...row, status: 'True' })),
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then('replica set {string} no longer reports ReplicaFailure', async function (this: KubeWorld, label: string) {
  await eventually(async () => assert.equal(await replicaFailureOf(this, label), undefined), {
    timeoutMs: 5000,
    intervalMs: 200,
  });
});
