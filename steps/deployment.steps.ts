// Steps about Deployments: rollouts driven with kubectl, observed through the API and kubectl.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { DeploymentCondition } from '../impl/client/types.js';
import {
  applyDeployment,
  expandReplicaSetNames,
  getDeployment,
  kubectlOnDeployment,
  newestReplicaSet,
  rememberedReplicaSet,
  rememberReplicaSet,
  replicaSetsOf,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  waitForReadyReplicaSet,
  waitForRollout,
} from './support/deployments.js';
import { eventually } from './support/eventually.js';
import { PodCensus } from './support/pod-census.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import { eventsOf } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

const censuses = new WeakMap<KubeWorld, PodCensus>();

function census(world: KubeWorld): PodCensus {
  const found = censuses.get(world);
  assert.ok(found, 'the scenario is not watching any pods');
  return found;
}

When(
  'a deployment {string} with {int} replicas is applied with kubectl',
  async function (this: KubeWorld, label: string, replicas: number) {
    await applyDeployment(this, label, { replicas });
  },
);

Given(
  'a deployment {string} with {int} replicas was applied and has rolled out',
  async function (this: KubeWorld, label: string, replicas: number) {
    await applyDeployment(this, label, { replicas });
    await waitForRollout(this, label, 30);
    await rememberReplicaSet(this, label, 1);
  },
);

Given(
  'a deployment {string} with {int} replicas and the Recreate strategy was applied and has rolled out',
  async function (this: KubeWorld, label: string, replicas: number) {
    await applyDeployment(this, label, { replicas, strategy: 'Recreate' });
    await waitForRollout(this, label, 30);
    await rememberReplicaSet(this, label, 1);
  },
);

Given('the pods of {string} are being watched', async function (this: KubeWorld, label: string) {
  censuses.set(this, await PodCensus.start(this, `app=${this.recall(label).name}`));
});

When(
  'the image of {string} is set to {string} with kubectl',
  async function (this: KubeWorld, label: string, image: string) {
    await kubectlOnDeployment(this, label, ['set', 'image'], [`app=${image}`]);
  },
);

Given(
  'the image of {string} was set to {string} with kubectl and has rolled out',
  async function (this: KubeWorld, label: string, image: string) {
    await kubectlOnDeployment(this, label, ['set', 'image'], [`app=${image}`]);
    await waitForRollout(this, label, 30);
    await rememberReplicaSet(this, label, 2);
  },
);

When(
  'the manifest of {string} with {int} replicas of {string} and the Recreate strategy is applied with kubectl',
  async function (this: KubeWorld, label: string, replicas: number, image: string) {
    await applyDeployment(this, label, { replicas, image, strategy: 'Recreate' });
  },
);

When('the rollout of {string} is undone with kubectl', async function (this: KubeWorld, label: string) {
  await kubectlOnDeployment(this, label, ['rollout', 'undo']);
});

When(
  'deployment {string} is scaled to {int} with kubectl',
  async function (this: KubeWorld, label: string, replicas: number) {
    await kubectlOnDeployment(this, label, ['scale'], [`--replicas=${replicas}`]);
  },
);

Then(
  'kubectl rollout status of {string} succeeds within {int} seconds',
  async function (this: KubeWorld, label: string, seconds: number) {
    const result = await waitForRollout(this, label, seconds);
    assert.match(result.stdout, new RegExp(`deployment "${this.recall(label).name}" successfully rolled out`));
  },
);

Then(
  '{string} owns one replica set, named after it and its pod-template-hash, with {int} ready pods',
  async function (this: KubeWorld, label: string, replicas: number) {
    const sets = await replicaSetsOf(this, label);
    assert.deepEqual(
      sets.map((rs) => rs.metadata.name),
      [`${this.recall(label).name}-${sets[0]?.spec?.template?.metadata?.labels?.['pod-template-hash']}`],
    );
    await waitForReadyReplicaSet(this, () => sets[0]?.metadata.name ?? '', replicas, 5);
  },
);

Then(
  'within {int} seconds {string} runs {int} ready pods from a new replica set, and the old one is scaled to {int}',
  async function (this: KubeWorld, seconds: number, label: string, replicas: number, oldReplicas: number) {
    const old = rememberedReplicaSet(this, label, 1);
    const rs = await waitForReadyReplicaSet(
      this,
      async () => (await newestReplicaSet(this, label)).metadata.name ?? '',
      replicas,
      seconds,
    );
    assert.notEqual(rs.metadata.name, old, 'the rollout made no new replica set');
    await waitForReadyReplicaSet(this, () => old, oldReplicas, seconds);
  },
);

Then(
  'at every moment of the rollout {string} had at least {int} available pods and no more than {int} pods',
  function (this: KubeWorld, _label: string, minAvailable: number, maxPods: number) {
    const snapshots = census(this).snapshots();
    assert.ok(snapshots.length > 1, 'the watch saw no change during the rollout');
    const timeline = snapshots
      .map((moment) => `${moment.resourceVersion}: ${moment.available}/${moment.pods} ${moment.templates.join(',')}`)
      .join('\n');
    for (const moment of snapshots) {
      assert.ok(
        moment.available >= minAvailable && moment.pods <= maxPods,
        `at resourceVersion ${moment.resourceVersion}: ${moment.available} available, ${moment.pods} pods; ` +
          `available/pods at each moment:\n${timeline}`,
      );
    }
  },
);

Then(
  'at no moment of the rollout did pods of both templates of {string} exist together',
  function (this: KubeWorld, _label: string) {
    const snapshots = census(this).snapshots();
    assert.ok(snapshots.length > 1, 'the watch saw no change during the rollout');
    for (const moment of snapshots)
      assert.ok(
        moment.templates.length <= 1,
        `at resourceVersion ${moment.resourceVersion} pods of ${moment.templates.join(' and ')} existed together`,
      );
  },
);

Then(
  'within {int} seconds {string} runs {int} ready pods from its first replica set again, now at revision {int}',
  async function (this: KubeWorld, seconds: number, label: string, replicas: number, revision: number) {
    const rs = await waitForReadyReplicaSet(this, () => rememberedReplicaSet(this, label, 1), replicas, seconds);
    assert.deepEqual(
      [rs.metadata.annotations?.[RevisionAnnotation], rs.metadata.annotations?.[RevisionHistoryAnnotation]],
      [String(revision), '1'],
    );
    assert.equal((await getDeployment(this, label)).metadata.annotations?.[RevisionAnnotation], String(revision));
    await waitForReadyReplicaSet(this, () => rememberedReplicaSet(this, label, 2), 0, seconds);
  },
);

Then(
  'kubectl rollout history of {string} lists the revisions {int} and {int}',
  async function (this: KubeWorld, label: string, first: number, second: number) {
    const result = await kubectlOnDeployment(this, label, ['rollout', 'history']);
    const revisions = result.stdout
      .split('\n')
      .map((line) => /^(\d+)\s+<none>$/.exec(line.trim())?.[1])
      .filter((revision) => revision !== undefined);
    assert.deepEqual(revisions, [String(first), String(second)], result.stdout);
  },
);

Then(
  'within {int} seconds the replica set of {string} asks for {int} pods and has them ready',
  async function (this: KubeWorld, seconds: number, label: string, replicas: number) {
    await waitForReadyReplicaSet(this, () => rememberedReplicaSet(this, label, 1), replicas, seconds);
  },
);

Then(
  'within {int} seconds {string} reports the conditions:',
  async function (this: KubeWorld, seconds: number, label: string, table: DataTable) {
    await eventually(
      async () => {
        const expected = await Promise.all(
          table.hashes().map(async (row: Record<string, string>) => ({
            type: row.type,
            status: row.status,
            reason: row.reason,
            message: await expandReplicaSetNames(this, label, row.message ?? ''),
          })),
        );
        const conditions = (await getDeployment(this, label)).status?.conditions ?? [];
        const failures = await whyReplicaSetsFail(this);
        assert.deepEqual(
          conditions.map(({ type, status, reason, message }: DeploymentCondition) => ({
            type,
            status,
            reason,
            message,
          })),
          expected,
          failures ? `the conditions of "${label}" differ${failures}` : undefined,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then(
  'within {int} seconds the events of {string} include:',
  async function (this: KubeWorld, seconds: number, label: string, table: DataTable) {
    await eventually(
      async () => {
        const events = (await eventsOf(this, label)).map((event) => ({
          type: String(event.type),
          reason: String(event.reason),
          message: String(event.message),
        }));
        const expected = await Promise.all(
          table.hashes().map(async (row: Record<string, string>) => ({
            type: row.type,
            reason: row.reason,
            message: await expandReplicaSetNames(this, label, row.message ?? ''),
          })),
        );
        const failures = await whyReplicaSetsFail(this);
        for (const row of expected)
          assert.ok(
            events.some(
              (event) => event.type === row.type && event.reason === row.reason && event.message === row.message,
            ),
            `no event ${JSON.stringify(row)} among ${JSON.stringify(events, null, 1)}${failures}`,
          );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);
