// Steps about owners and dependents: deleting an owner with each kind of cascade, and what
// becomes of the objects it owned.

import { isNotFound } from '../impl/client/api-errors.js';
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { KubeObject } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import { holdWithFinalizer, removeFinalizer } from './support/finalizers.js';
import type { KubeWorld } from './support/world.js';

const replicaSets = { group: 'apps', resource: 'replicasets' };

/** The pods the replica set's selector picks (they keep its labels, owned or orphaned). */
async function podsLabelledFor(world: KubeWorld, label: string): Promise<KubeObject[]> {
  const { name } = world.recall(label);
  return (await world.api.list({ resource: 'pods', namespace: world.namespace }, { labelSelector: `app=${name}` }))
    .items;
}

async function replicaSetOf(world: KubeWorld, label: string): Promise<KubeObject | undefined> {
  return world.api
    .get({ ...replicaSets, namespace: world.namespace, name: world.recall(label).name })
    .catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
}

async function deleteReplicaSetWithKubectl(world: KubeWorld, label: string, options: string): Promise<void> {
  const { name } = world.recall(label);
  const result = await world.kubectl([
    'delete',
    'replicaset',
    name,
    '-n',
    world.namespace,
    ...options.split(' ').filter(Boolean),
  ]);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`replicaset.apps "${name}" deleted`));
}

When(
  /^replica set "([^"]*)" is deleted with kubectl(.*)$/,
  async function (this: KubeWorld, label: string, options: string) {
    await deleteReplicaSetWithKubectl(this, label, options);
  },
);

Given(
  /^replica set "([^"]*)" was deleted with kubectl(.*)$/,
  async function (this: KubeWorld, label: string, options: string) {
    await deleteReplicaSetWithKubectl(this, label, options);
  },
);

Given(
  'one of the pods of {string} carries the finalizer {string}',
  async function (this: KubeWorld, label: string, finalizer: string) {
    const [pod] = await podsLabelledFor(this, label);
    assert.ok(pod, `replica set "${label}" has no pod`);
    this.notes.set('held pod', pod.metadata.name ?? '');
    await holdWithFinalizer(this, { resource: 'pods', namespace: this.namespace, name: pod.metadata.name }, finalizer);
  },
);

When('the finalizer {string} is removed from the held pod', async function (this: KubeWorld, finalizer: string) {
  await removeFinalizer(
    this,
    { resource: 'pods', namespace: this.namespace, name: this.notes.get('held pod') },
    finalizer,
  );
});

Then('replica set {string} is gone', async function (this: KubeWorld, label: string) {
  assert.equal(await replicaSetOf(this, label), undefined, `replica set "${label}" is still there`);
});

Then(
  'within {int} seconds no pod of {string} is left',
  async function (this: KubeWorld, seconds: number, label: string) {
    await eventually(
      async () =>
        assert.deepEqual(
          (await podsLabelledFor(this, label)).map((pod) => pod.metadata.name),
          [],
        ),
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  'the {int} pods of {string} still run, with no owner reference',
  async function (this: KubeWorld, count: number, label: string) {
    const pods = await podsLabelledFor(this, label);
    const described = pods.map((pod) => ({
      phase: pod.status?.phase,
      isDeleting: Boolean(pod.metadata.deletionTimestamp),
      owners: pod.metadata.ownerReferences ?? [],
    }));
    assert.deepEqual(
      described,
      Array.from({ length: count }, () => ({ phase: 'Running', isDeleting: false, owners: [] })),
    );
  },
);

Then(
  'within {int} seconds replica set {string} is marked for deletion ' +
    'with the finalizer {string}, and only the held pod is left',
  async function (this: KubeWorld, seconds: number, label: string, finalizer: string) {
    await eventually(
      async () => {
        const rs = await replicaSetOf(this, label);
        assert.ok(rs?.metadata.deletionTimestamp, `replica set "${label}" is not marked for deletion`);
        assert.deepEqual(rs.metadata.finalizers, [finalizer]);
        assert.deepEqual(
          (await podsLabelledFor(this, label)).map((pod) => pod.metadata.name),
          [this.notes.get('held pod')],
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  'within {int} seconds replica set {string} is gone, and no pod of {string} is left',
  async function (this: KubeWorld, seconds: number, label: string, same: string) {
    await eventually(
      async () => {
        assert.equal(await replicaSetOf(this, label), undefined, `replica set "${label}" is still there`);
        assert.deepEqual(
          (await podsLabelledFor(this, same)).map((pod) => pod.metadata.name),
          [],
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);
