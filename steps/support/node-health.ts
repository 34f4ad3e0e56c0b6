// What node lifecycle scenarios do and look at: a node's "kubelet" stopped or resumed through
// the API (the simulated node agent's heartbeat annotation), its conditions and taints, and
// pods the taint-eviction controller and the pod garbage collector deleted.

import assert from 'node:assert/strict';
import { ApiError } from '../../impl/client/rest-client.js';
import type { KubeObject, Node, NodeCondition, Pod, PodCondition, Taint } from '../../impl/client/types.js';
import { HeartbeatAnnotation } from '../../impl/client/kubelab-annotations.js';
import { eventually } from './eventually.js';
import { TestNodeLifecycle } from '../../impl/cluster/test-cluster-options.js';
import { createPod, eventsOf, getPod, nodeName, whyPending } from './scheduling.js';
import { WatchRecorder } from './watch-recorder.js';
import { shared, type KubeWorld } from './world.js';

/** How long a pod tolerates a dead node unless it says otherwise: this run's cluster, or Kubernetes' 300 s. */
export function defaultTolerationSeconds(): number {
  return shared.cluster ? TestNodeLifecycle.defaultTolerationSeconds : 300;
}

/** Silences the node's kubelet; the scenario's cleanup brings it back and lets it finish its pods. */
export async function stopHeartbeats(world: KubeWorld, name: string): Promise<void> {
  await setHeartbeatAnnotation(world, name, 'stopped');
  world.cleanups.push(async () => {
    await resumeHeartbeats(world, name).catch(() => undefined);
    // A pod deleted while its kubelet was silent is finished by the kubelet once it is back.
    await eventually(async () => assert.deepEqual(await terminatingPodsOn(world, name), []), {
      timeoutMs: 15_000,
    }).catch(() => undefined);
  });
}

export async function resumeHeartbeats(world: KubeWorld, name: string): Promise<void> {
  await setHeartbeatAnnotation(world, name, null);
}

export async function getNode(world: KubeWorld, label: string): Promise<Node> {
  return (await world.api.get({ resource: 'nodes', name: nodeName(world, label) })) as Node;
}

export function conditionOf(node: Node, type: string): NodeCondition | undefined {
  return node.status?.conditions?.find((condition) => condition.type === type);
}

export function taintsOf(node: Node): string[] {
  return (node.spec?.taints ?? []).map(
    (taint: Taint) => `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`,
  );
}

/** The STATUS column of `kubectl get node`. */
export async function kubectlNodeStatus(world: KubeWorld, label: string): Promise<string> {
  const result = await world.kubectl(['get', 'node', nodeName(world, label), '--no-headers']);
  assert.equal(result.exitCode, 0, result.stderr);
  return result.stdout.trim().split(/\s+/)[1] ?? '';
}

/** A pod of this scenario pinned to a node by its hostname label, with extra tolerations; waits until it runs. */
export async function runPodOn(
  world: KubeWorld,
  label: string,
  nodeLabel: string,
  tolerations: Array<Record<string, unknown>> = [],
): Promise<void> {
  const spec: Record<string, unknown> = { nodeSelector: { 'kubernetes.io/hostname': nodeName(world, nodeLabel) } };
  if (tolerations.length > 0) spec.tolerations = tolerations;
  await createPod(world, label, spec);
  await eventually(
    async () => {
      const pod = await getPod(world, label);
      assert.equal(pod.status?.phase, 'Running', `pod "${label}" is ${pod.status?.phase}${whyPending(pod)}`);
    },
    { timeoutMs: 15_000 },
  );
}

/**
 * What the taint-eviction controller leaves on a pod it evicted: a deletionTimestamp, the
 * DisruptionTarget condition, and an event.
 */
export async function assertEvictedByTaintManager(world: KubeWorld, pod: Pod, podLabel: string): Promise<void> {
  assert.ok(pod.metadata.deletionTimestamp, `pod ${pod.metadata.name} is not marked for deletion`);
  const condition = pod.status?.conditions?.find((candidate) => candidate.type === 'DisruptionTarget');
  assert.deepEqual(
    { status: condition?.status, reason: condition?.reason, message: condition?.message },
    { status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
  );
  const messages = (await eventsOf(world, podLabel))
    .filter((event) => event.reason === 'TaintManagerEviction')
    .map((event) => String(event.message));
  assert.ok(
    messages.includes(`Marking for deletion Pod ${world.namespace}/${pod.metadata.name}`),
    `TaintManagerEviction events: ${JSON.stringify(messages)}`,
  );
}

async function setHeartbeatAnnotation(world: KubeWorld, name: string, value: string | null): Promise<void> {
  await world.api.patch({ resource: 'nodes', name }, { metadata: { annotations: { [HeartbeatAnnotation]: value } } });
}

async function terminatingPodsOn(world: KubeWorld, node: string): Promise<string[]> {
  const pods = await world.api.list({ resource: 'pods', namespace: world.namespace }).catch((error: unknown) => {
    if (error instanceof ApiError) return { items: [] as KubeObject[] };
    throw error;
  });
  return pods.items
    .filter((pod) => pod.spec?.nodeName === node && pod.metadata.deletionTimestamp)
    .map((pod) => pod.metadata.name ?? '');
}

/** Records every change to one pod from now on, for asserting later how it went away. */
export function watchPod(world: KubeWorld, pod: KubeObject): void {
  const recorder = new WatchRecorder(
    world.api,
    { resource: 'pods', namespace: world.namespace },
    { fieldSelector: `metadata.name=${pod.metadata.name}`, resourceVersion: pod.metadata.resourceVersion ?? '' },
  );
  world.watches.push(recorder);
  world.notes.set(`watch of pod ${pod.metadata.name}`, String(world.watches.length - 1));
}

/**
 * What the pod garbage collector does to a pod no kubelet will finish, as the pod's watch saw
 * it: its status written Failed with the expected condition, then the pod deleted with no
 * grace period (never marked Terminating first), so it is gone.
 */
export async function assertGarbageCollected(world: KubeWorld, name: string, expected: PodCondition): Promise<void> {
  const recorder = world.watches[Number(world.notes.get(`watch of pod ${name}`))];
  assert.ok(recorder, `the scenario started no watch of pod ${name}`);
  const events = recorder.eventsFor(name);
  const seen = events.map((event) => {
    const terminating = event.object.metadata?.deletionTimestamp ? ' terminating' : '';
    return `${event.type} ${(event.object as Pod).status?.phase ?? ''}${terminating}`;
  });
  const failed = events.findIndex(
    (event) => event.type === 'MODIFIED' && (event.object as Pod).status?.phase === 'Failed',
  );
  const deleted = events.findIndex((event) => event.type === 'DELETED');
  assert.ok(
    failed >= 0 && deleted > failed,
    `pod ${name} was not marked Failed and then deleted; its watch saw: ${seen.join(', ') || 'nothing'}`,
  );
  const condition = (events[failed]?.object as Pod | undefined)?.status?.conditions?.find(
    (candidate) => candidate.type === expected.type,
  );
  assert.deepEqual(
    { type: condition?.type, status: condition?.status, reason: condition?.reason, message: condition?.message },
    expected,
  );
  assert.ok(
    !events.slice(0, deleted).some((event) => event.object.metadata?.deletionTimestamp),
    `pod ${name} was deleted gracefully, not at once; its watch saw: ${seen.join(', ')}`,
  );
}
