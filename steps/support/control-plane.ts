// What scenarios about the control plane's own life do: find the controller manager that leads
// by its Lease, kill components and start them again, and catch a scale-up in the middle.
//
// Killing goes through the container engine, as `podman kill` would: the door an operator has
// to a crashed process. Only a cluster this run started opens it (@needs-component-control).

import assert from 'node:assert/strict';
import type { ComponentName } from '../../impl/cluster/cluster.js';
import { ComponentInstances } from '../../impl/cluster/components.js';
import { containerEngine } from '../../impl/cluster/container-engine.js';
import { type AuditEvent, clientName } from '../../impl/client/audit-event.js';
import type { KubeObject } from '../../impl/client/types.js';
import { readAuditLog } from './audit.js';
import { unsolvedExerciseIn } from '../../exercises/catalog.js';
import { eventually } from './eventually.js';
import { whyReplicaSetsFail } from './replica-failures.js';
import { podsOwnedBy } from './scheduling.js';
import type { KubeWorld } from './world.js';

/** The controller manager's replicas, as the component table runs them. */
export const ControllerManagers: readonly string[] = ComponentInstances.filter(
  (instance) => instance.row.name === 'controller-manager',
).map((instance) => instance.name);
export type ControllerManager = string;
const lease = {
  group: 'coordination.k8s.io',
  resource: 'leases',
  namespace: 'kube-system',
  name: 'kube-controller-manager',
};

export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  renewTime?: string;
  leaseTransitions?: number;
}

export async function controllerManagerLease(world: KubeWorld): Promise<LeaseSpec> {
  return ((await world.api.get(lease)).spec ?? {}) as LeaseSpec;
}

/** The replica a holderIdentity names: `<hostname>_<uuid>`, each replica's hostname being its container's name. */
export function replicaNamed(world: KubeWorld, holderIdentity: string | undefined): ControllerManager | undefined {
  const hostname = holderIdentity?.split('_')[0] ?? '';
  return ControllerManagers.find((replica) => hostname === `${world.cluster.name}-${replica}`);
}

/** The replica holding the Lease now; fails if the Lease names none of them. */
export async function leader(world: KubeWorld): Promise<ControllerManager> {
  const spec = await controllerManagerLease(world);
  const replica = replicaNamed(world, spec.holderIdentity);
  assert.ok(
    replica,
    `the Lease kube-system/kube-controller-manager is held by "${spec.holderIdentity}", ` +
      `not by one of ${ControllerManagers.join(', ')}`,
  );
  return replica;
}

/** Kills a component; the scenario's cleanup starts it again unless a step already did. */
export async function kill(world: KubeWorld, component: ComponentName): Promise<void> {
  await world.cluster.kill(component);
  world.notes.set(`killed ${component}`, 'yes');
  world.cleanups.push(async () => {
    if (world.notes.get(`killed ${component}`)) await start(world, component);
  });
}

export async function start(world: KubeWorld, component: ComponentName): Promise<void> {
  await world.cluster.start(component);
  world.notes.delete(`killed ${component}`);
}

/**
 * Waits until the replica set's controller has created at least one of its pods, so that what
 * the step does next lands in the middle of the scale-up. It watches rather than polls, to
 * react within milliseconds of the first create.
 */
export async function firstPodCreated(world: KubeWorld, label: string): Promise<void> {
  const { name } = world.recall(label);
  const isOurs = (pod: KubeObject) =>
    Boolean(pod.metadata.ownerReferences?.some((owner) => owner.controller && owner.name === name));
  const list = await world.api.list({ resource: 'pods', namespace: world.namespace });
  if (list.items.some(isOurs)) return;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 30_000);
  // A controller that cannot create says so in the set's status: no need to wait out the limit.
  const checkFailure = setInterval(
    () => void whyReplicaSetsFail(world).then((why) => unsolvedExerciseIn(why) !== undefined && abort.abort()),
    1000,
  );
  let isCreated = false;
  await world.api
    .watch<KubeObject>(
      { resource: 'pods', namespace: world.namespace },
      { resourceVersion: list.metadata.resourceVersion ?? '' },
      (event) => {
        if (event.type !== 'ADDED' || !isOurs(event.object)) return;
        isCreated = true;
        abort.abort();
      },
      abort.signal,
    )
    .catch(() => undefined);
  clearTimeout(timer);
  clearInterval(checkFailure);
  assert.ok(isCreated, `no pod of "${label}" was created within 30 s${await whyReplicaSetsFail(world)}`);
}

/** Asserts the scale-up was caught in the middle: some of the replica set's pods exist, not all. */
export async function assertInTheMiddle(world: KubeWorld, label: string, total: number): Promise<void> {
  const count = (await podsOwnedBy(world, label)).filter((pod) => !pod.metadata.deletionTimestamp).length;
  world.notes.set(`pods of ${label} when interrupted`, String(count));
  assert.ok(
    count > 0 && count < total,
    `the scale-up was not interrupted in the middle: ${count} of ${total} pods existed`,
  );
}

/** Waits until the replica set has exactly `total` pods not being deleted, and its status says so. */
export async function waitForExactly(world: KubeWorld, label: string, total: number, seconds: number): Promise<void> {
  const { name } = world.recall(label);
  await eventually(
    async () => {
      const pods = (await podsOwnedBy(world, label)).filter((pod) => !pod.metadata.deletionTimestamp);
      const rs = await world.api.get({ group: 'apps', resource: 'replicasets', namespace: world.namespace, name });
      assert.deepEqual(
        { pods: pods.length, statusReplicas: rs.status?.replicas },
        { pods: total, statusReplicas: total },
        `replica set "${label}" has ${pods.length} pods ` +
          `and says ${rs.status?.replicas}${await whyReplicaSetsFail(world)}`,
      );
    },
    { timeoutMs: seconds * 1000, intervalMs: 500 },
  );
}

/** The successful pod creates and deletes the controller manager made for the replica set, from the audit log. */
export async function controllerPodWrites(world: KubeWorld, label: string): Promise<AuditEvent[]> {
  const { name } = world.recall(label);
  return (await readAuditLog(world.auditLogPath)).filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      clientName(event.userAgent) === 'kube-controller-manager' &&
      (event.verb === 'create' || event.verb === 'delete') &&
      event.objectRef?.resource === 'pods' &&
      !event.objectRef.subresource &&
      event.objectRef.namespace === world.namespace &&
      Boolean(event.objectRef.name?.startsWith(`${name}-`)) &&
      (event.responseStatus?.code ?? 0) < 300,
  );
}

/**
 * The addresses that made requests with one of `verbs` on the controller managers' Lease
 * between `since` and `until` (ISO times), from the audit log.
 */
export async function leaseRequesters(
  world: KubeWorld,
  verbs: string[],
  since = '',
  until = '\uffff',
): Promise<Set<string>> {
  const events = (await readAuditLog(world.auditLogPath)).filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      verbs.includes(event.verb) &&
      event.requestReceivedTimestamp >= since &&
      event.requestReceivedTimestamp <= until &&
      (event.responseStatus?.code ?? 0) < 300 &&
      event.objectRef?.resource === 'leases' &&
      event.objectRef.namespace === lease.namespace &&
      event.objectRef.name === lease.name,
  );
  return new Set(events.flatMap((event) => event.sourceIPs));
}

/**
 * Kills a component as `podman kill` from a terminal would: through the container engine,
 * without telling the cluster's handle, so nothing holds it down. Returns when it was killed.
 */
export async function killFromOutside(world: KubeWorld, component: ComponentName): Promise<Date> {
  const engine = await containerEngine();
  const killedAt = new Date();
  await engine.container.getById(world.cluster.containerIds()[component] ?? '').kill();
  return killedAt;
}

/** Whether the component's container runs, and was started after `since` (not just left running). */
export async function startedAgainSince(component: ComponentName, world: KubeWorld, since: Date): Promise<void> {
  const engine = await containerEngine();
  const state = (
    await engine.container.inspect(engine.container.getById(world.cluster.containerIds()[component] ?? ''))
  ).State;
  assert.ok(state.Running, `the ${component} container is not running (${state.Status}, exit code ${state.ExitCode})`);
  assert.ok(
    Date.parse(state.StartedAt) > since.getTime(),
    `the ${component} container runs since ${state.StartedAt}, before it was killed at ${since.toISOString()}`,
  );
}
