// What deployment scenarios do: apply a Deployment with kubectl, change its template, and read
// back its ReplicaSets, their revisions and the pods they own, through the API.

import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { Deployment, KubeObject, ReplicaSet } from '../../impl/client/types.js';
import type { CommandResult } from './commands.js';
import { eventually } from './eventually.js';
import { whyReplicaSetsFail } from './replica-failures.js';
import { whyPending } from './scheduling.js';
import type { KubeWorld } from './world.js';

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
const deployments = { group: 'apps', resource: 'deployments' } as const;
const replicaSets = { group: 'apps', resource: 'replicasets' } as const;

export interface DeploymentShape {
  replicas: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
}

/** The manifest a learner would write: labels app=<name>, one container "app". */
export function deploymentManifest(
  name: string,
  { replicas, image = 'kubelab/sleeper', strategy }: DeploymentShape,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...(strategy ? { strategy: { type: strategy } } : {}),
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

/** `kubectl apply` of the manifest; the first apply also remembers the deployment and its cleanup. */
export async function applyDeployment(world: KubeWorld, label: string, shape: DeploymentShape): Promise<void> {
  const known = world.objects.get(label);
  const name = known?.name ?? world.uniqueName(label);
  const manifest = deploymentManifest(name, shape);
  const result = await world.kubectl(['apply', '-n', world.namespace, '-f', '-'], stringify(manifest));
  assert.equal(result.exitCode, 0, result.stderr);
  if (known) return;
  world.remember(label, {
    kind: { words: 'deployment', kind: 'Deployment', ref: deployments, namespaced: true, manifest: () => manifest },
    name,
    namespace: world.namespace,
  });
  // Nothing here relies on a garbage collector: the deployment's ReplicaSets and pods go by hand.
  world.cleanups.push(async () => {
    await world.api.delete({ ...deployments, namespace: world.namespace, name }).catch(() => undefined);
    for (const rs of (
      await world.api.list({ ...replicaSets, namespace: world.namespace }, { labelSelector: `app=${name}` })
    ).items) {
      await world.api
        .delete({ ...replicaSets, namespace: world.namespace, name: rs.metadata.name })
        .catch(() => undefined);
    }
    for (const pod of (
      await world.api.list({ resource: 'pods', namespace: world.namespace }, { labelSelector: `app=${name}` })
    ).items) {
      await world.api
        .delete({ resource: 'pods', namespace: world.namespace, name: pod.metadata.name }, { gracePeriodSeconds: 0 })
        .catch(() => undefined);
    }
  });
}

/** Runs a `kubectl <verb> ... deployment/<name>` command in the scenario's namespace and expects success. */
export async function kubectlOnDeployment(
  world: KubeWorld,
  label: string,
  verb: string[],
  extra: string[] = [],
): Promise<CommandResult> {
  const result = await world.kubectl([
    ...verb,
    `deployment/${world.recall(label).name}`,
    '-n',
    world.namespace,
    ...extra,
  ]);
  assert.equal(
    result.exitCode,
    0,
    `kubectl ${verb.join(' ')} failed (${result.exitCode}): ${result.stderr}${result.stdout}`,
  );
  return result;
}

/**
 * `kubectl rollout status`, which returns once the rollout is complete (or fails at its timeout).
 * A failure says why the deployment's pods that have no node are still pending, and which of its
 * replica sets failed to create or delete pods. It is asked one second at a time, so that a
 * replica set stopped by an unsolved exercise ends the wait at once.
 */
export async function waitForRollout(world: KubeWorld, label: string, seconds: number): Promise<CommandResult> {
  const { name } = world.recall(label);
  return eventually(
    async () => {
      const result = await world.kubectl([
        'rollout',
        'status',
        `deployment/${name}`,
        '-n',
        world.namespace,
        '--timeout=1s',
      ]);
      if (result.exitCode === 0) return result;
      const pods = (
        await world.api.list({ resource: 'pods', namespace: world.namespace }, { labelSelector: `app=${name}` })
      ).items;
      const pending = pods.filter((pod) => !pod.spec?.nodeName).map((pod) => `${pod.metadata.name}${whyPending(pod)}`);
      assert.fail(
        `kubectl rollout status failed (${result.exitCode}): ${result.stderr}${result.stdout}; ` +
          `pods without a node: ${pending.join(', ') || 'none'}${await whyReplicaSetsFail(world)}`,
      );
    },
    { timeoutMs: seconds * 1000, intervalMs: 250 },
  );
}

export async function getDeployment(world: KubeWorld, label: string): Promise<Deployment> {
  return (await world.api.get({
    ...deployments,
    namespace: world.namespace,
    name: world.recall(label).name,
  })) as Deployment;
}

/** The ReplicaSets whose controller reference names the deployment, lowest revision first. */
export async function replicaSetsOf(world: KubeWorld, label: string): Promise<ReplicaSet[]> {
  const deployment = await getDeployment(world, label);
  const list = await world.api.list({ ...replicaSets, namespace: world.namespace });
  const owned = list.items.filter((rs) =>
    rs.metadata.ownerReferences?.some((reference) => reference.controller && reference.uid === deployment.metadata.uid),
  ) as ReplicaSet[];
  return owned.sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** The deployment's ReplicaSet with the highest revision: the one its current template runs in. */
export async function newestReplicaSet(world: KubeWorld, label: string): Promise<ReplicaSet> {
  const newest = (await replicaSetsOf(world, label)).at(-1);
  assert.ok(newest, `deployment "${label}" owns no replica set`);
  return newest;
}

/** Remembers the current newest ReplicaSet's name as "replica set <n> of <label>". */
export async function rememberReplicaSet(world: KubeWorld, label: string, ordinal: number): Promise<void> {
  world.notes.set(`replica set ${ordinal} of ${label}`, (await newestReplicaSet(world, label)).metadata.name ?? '');
}

export function rememberedReplicaSet(world: KubeWorld, label: string, ordinal: number): string {
  const name = world.notes.get(`replica set ${ordinal} of ${label}`);
  assert.ok(name, `the scenario remembered no replica set ${ordinal} of "${label}"`);
  return name;
}

/** The ready, not terminating pods a ReplicaSet controls. */
export async function readyPodsOf(world: KubeWorld, rs: ReplicaSet): Promise<KubeObject[]> {
  const pods = await world.api.list({ resource: 'pods', namespace: world.namespace });
  return pods.items.filter(
    (pod) =>
      pod.metadata.ownerReferences?.some((reference) => reference.controller && reference.uid === rs.metadata.uid) &&
      isAvailable(pod),
  );
}

/** Waits until `rs` asks for `count` pods and has exactly that many ready. */
export async function waitForReadyReplicaSet(
  world: KubeWorld,
  rsName: () => Promise<string> | string,
  count: number,
  seconds: number,
): Promise<ReplicaSet> {
  return eventually(
    async () => {
      const rs = (await world.api.get({
        ...replicaSets,
        namespace: world.namespace,
        name: await rsName(),
      })) as ReplicaSet;
      const ready = await readyPodsOf(world, rs);
      const failures = await whyReplicaSetsFail(world);
      assert.deepEqual(
        { replicaSet: rs.metadata.name, desired: rs.spec?.replicas, ready: ready.length },
        { replicaSet: rs.metadata.name, desired: count, ready: count },
        failures ? `replica set ${rs.metadata.name} is not there yet${failures}` : undefined,
      );
      return rs;
    },
    { timeoutMs: seconds * 1000, intervalMs: 250 },
  );
}

/** Ready and not on its way out: what counts as available with minReadySeconds 0. */
export function isAvailable(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return (
    !pod.metadata.deletionTimestamp &&
    conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True')
  );
}

export function revisionOf(object: KubeObject): number {
  return Number(object.metadata.annotations?.[RevisionAnnotation] ?? 0);
}

/** Replaces <new replica set> and <old replica set> in a table cell with the names they stand for. */
export async function expandReplicaSetNames(world: KubeWorld, label: string, text: string): Promise<string> {
  const newest = (await newestReplicaSet(world, label)).metadata.name ?? '';
  return text
    .replaceAll('<new replica set>', newest)
    .replaceAll('<old replica set>', world.notes.get(`replica set 1 of ${label}`) ?? '');
}
