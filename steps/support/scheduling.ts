// What scheduling scenarios build: simulated nodes of given sizes, labels and taints, and pods
// with requests, selectors, tolerations and owners, all created through the API.

import { isNotFound } from '../../impl/client/api-errors.js';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KubeObject, Pod } from '../../impl/client/types.js';
import { SimulatedNodeAnnotation } from '../../impl/client/kubelab-annotations.js';
import type { Explanation } from '../../impl/scheduler/explain.js';
import { ExplanationAnnotation } from '../../impl/scheduler/scheduler.js';
import { eventually } from './eventually.js';
import { eventuallyExplained } from './warnings.js';
import type { KubeWorld } from './world.js';

/** Where scenarios save explanations; the scheduler lesson renders copies kept in lessons/explanations. */
export const ExplanationDirectory = 'reports/explanations';

export interface NodeShape {
  label: string;
  cpu?: string;
  /** status.capacity.memory; 8Gi unless given. */
  memory?: string;
  /** How many pods the node takes (status.capacity.pods); 110, the kubelet's default, unless given. */
  pods?: number;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** A range of pod addresses it comes with, instead of the one the node IPAM controller gives. */
  podCidr?: string;
}

/** `dedicated=gpu:NoSchedule` or `dedicated:NoSchedule` → a taint or toleration's fields. */
export function parseTaint(text: string): { key: string; value?: string; effect: string } {
  const match = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(text);
  assert.ok(match, `not a taint: ${text}`);
  return { key: match[1] ?? '', value: match[2], effect: match[3] ?? '' };
}

/** `disk In (hdd, ssd)` → a node selector requirement. */
export function parseExpression(text: string): { key: string; operator: string; values?: string[] } {
  const match = /^(\S+) (In|NotIn|Exists|DoesNotExist|Gt|Lt)(?: \(([^)]*)\))?$/.exec(text);
  assert.ok(match, `not a node selector requirement: ${text}`);
  const values = match[3]?.split(',').map((value) => value.trim());
  return values
    ? { key: match[1] ?? '', operator: match[2] ?? '', values }
    : { key: match[1] ?? '', operator: match[2] ?? '' };
}

/** A pod spec's preferred node affinity: one term, `expression`, of this weight. */
export function preferringNodes(expression: string, weight: number): Record<string, unknown> {
  const preferred = [{ weight, preference: { matchExpressions: [parseExpression(expression)] } }];
  return { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } };
}

export function parseLabel(text: string): Record<string, string> {
  const [key = '', value = ''] = text.split('=');
  return { [key]: value };
}

/**
 * A scenario that makes simulated nodes says so with @needs-simulated-nodes, so a run against a
 * cluster without kubelab's node agent reports it not applicable instead of failing it.
 */
function requireSimulatedNodesTag(world: KubeWorld): void {
  if (!world.tags.includes('@needs-simulated-nodes'))
    throw new Error('this scenario makes simulated nodes: tag it @needs-simulated-nodes');
}

/** Removes the simulated nodes other scenarios left, then creates these ones. */
export async function onlyTheseNodes(world: KubeWorld, shapes: NodeShape[]): Promise<void> {
  requireSimulatedNodesTag(world);
  const existing = await world.api.list({ resource: 'nodes' });
  for (const node of existing.items) {
    assert.equal(
      node.metadata.annotations?.[SimulatedNodeAnnotation],
      'true',
      `node ${node.metadata.name} is not a simulated node: this scenario needs a cluster of its own`,
    );
    await world.api.delete({ resource: 'nodes', name: node.metadata.name });
  }
  for (const shape of shapes) await addNode(world, shape);
}

/** Waits until the node agent reports the node Ready, as `kubectl wait --for=condition=Ready` does. */
export async function waitUntilReady(world: KubeWorld, name: string): Promise<void> {
  await eventuallyExplained(
    world,
    async () => {
      const node = await world.api.get({ resource: 'nodes', name });
      const conditions = (node.status?.conditions ?? []) as Array<Record<string, unknown>>;
      assert.equal(
        conditions.find((condition) => condition.type === 'Ready')?.status,
        'True',
        `node ${name} is not Ready yet`,
      );
    },
    { timeoutMs: 30_000 },
  ); // long enough for a node agent to reconnect after a scenario restarted the API server
}

export async function addNode(world: KubeWorld, shape: NodeShape): Promise<string> {
  requireSimulatedNodesTag(world);
  const name = world.uniqueName(shape.label.replace(/\s+/g, '-'));
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { [SimulatedNodeAnnotation]: 'true' },
      labels: { 'kubernetes.io/hostname': name, ...shape.labels },
    },
    spec: {
      ...(shape.taints ? { taints: shape.taints } : {}),
      ...(shape.podCidr ? { podCIDR: shape.podCidr, podCIDRs: [shape.podCidr] } : {}),
    },
    status: { capacity: { cpu: shape.cpu ?? '4', memory: shape.memory ?? '8Gi', pods: String(shape.pods ?? 110) } },
  };
  await world.api.create({ resource: 'nodes' }, node);
  world.cleanups.push(() =>
    world.api.delete({ resource: 'nodes', name }).then(
      () => undefined,
      () => undefined,
    ),
  );
  world.nodeNames.set(shape.label, name);
  await waitUntilReady(world, name);
  return name;
}

export function nodeName(world: KubeWorld, label: string): string {
  const name = world.nodeNames.get(label);
  assert.ok(name, `the scenario has no node "${label}"`);
  return name;
}

/** A pod of one container, shaped by `spec` (requests, selectors, tolerations, ...). */
export async function createPod(
  world: KubeWorld,
  label: string,
  spec: Record<string, unknown> = {},
  container: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
): Promise<void> {
  const name = world.uniqueName(label.replace(/\s+/g, '-'));
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { containers: [{ name: 'app', image: 'kubelab/sleeper', ...container }], ...spec },
  };
  await world.api.create({ resource: 'pods', namespace: world.namespace }, pod as KubeObject);
  // Pending pods outlive their scenario and would take later scenarios' nodes: remove them.
  world.cleanups.push(() =>
    world.api.delete({ resource: 'pods', namespace: world.namespace, name }, { gracePeriodSeconds: 0 }).then(
      () => undefined,
      () => undefined,
    ),
  );
  world.remember(label, {
    kind: { words: 'pod', kind: 'Pod', ref: { resource: 'pods' }, namespaced: true, manifest: () => pod as KubeObject },
    name,
    namespace: world.namespace,
  });
}

/** A container's requests: cpu, and memory when given (`9Gi`). */
export function requesting(cpu: string, memory?: string): Record<string, unknown> {
  return { resources: { requests: memory === undefined ? { cpu } : { cpu, memory } } };
}

/** Requests of memory alone: the pod asks for no cpu at all. */
export function requestingMemory(memory: string): Record<string, unknown> {
  return { resources: { requests: { memory } } };
}

export async function getPod(world: KubeWorld, label: string): Promise<Pod> {
  return (await world.api.get(world.refFor(world.recall(label)))) as Pod;
}

export async function eventsOf(world: KubeWorld, label: string): Promise<KubeObject[]> {
  const { name } = world.recall(label);
  const list = await world.api.list(
    { resource: 'events', namespace: world.namespace },
    { fieldSelector: `involvedObject.name=${name}` },
  );
  return list.items;
}

export async function waitUntilBound(
  world: KubeWorld,
  label: string,
  seconds: number,
  nodeLabels: string[],
): Promise<string> {
  const allowed = nodeLabels.map((nodeLabel) => nodeName(world, nodeLabel));
  return eventuallyExplained(
    world,
    async () => {
      const pod = await getPod(world, label);
      assert.ok(pod.spec.nodeName, `pod "${label}" is not bound yet${whyPending(pod)}`);
      assert.ok(
        allowed.includes(pod.spec.nodeName),
        `pod "${label}" is on ${pod.spec.nodeName}, not on ${allowed.join(' or ')}`,
      );
      return pod.spec.nodeName;
    },
    { timeoutMs: seconds * 1000 },
  );
}

export async function waitForFailedScheduling(
  world: KubeWorld,
  label: string,
  seconds: number,
  message: string,
): Promise<void> {
  await eventually(
    async () => {
      const messages = (await eventsOf(world, label))
        .filter((event) => event.reason === 'FailedScheduling')
        .map((event) => String(event.message));
      assert.ok(messages.includes(message), `FailedScheduling events of "${label}": ${JSON.stringify(messages)}`);
    },
    { timeoutMs: seconds * 1000 },
  );
}

/** A ReplicaSet of `replicas` pods, for its controller to create; remembered under `label`. */
export async function createReplicaSet(
  world: KubeWorld,
  label: string,
  replicas: number,
  container: Record<string, unknown> = {},
  podSpec: Record<string, unknown> = {},
  podAnnotations: Record<string, string> = {},
): Promise<void> {
  // A name chosen earlier (a stray pod already carries its labels) is kept.
  const name = world.notes.get(`name of ${label}`) ?? world.uniqueName(label);
  const template = {
    metadata: { labels: { app: name }, annotations: podAnnotations },
    spec: { containers: [{ name: 'app', image: 'kubelab/sleeper', ...container }], ...podSpec },
  };
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template },
  };
  await world.api.create({ group: 'apps', resource: 'replicasets', namespace: world.namespace }, rs as KubeObject);
  world.remember(label, {
    kind: {
      words: 'replica set',
      kind: 'ReplicaSet',
      ref: { group: 'apps', resource: 'replicasets' },
      namespaced: true,
      manifest: () => rs as KubeObject,
    },
    name,
    namespace: world.namespace,
  });
  world.cleanups.push(async () => {
    await world.api
      .delete({ group: 'apps', resource: 'replicasets', namespace: world.namespace, name })
      .catch(() => undefined);
    for (const pod of await podsOwnedBy(world, label))
      await world.api
        .delete({ resource: 'pods', namespace: world.namespace, name: pod.metadata.name }, { gracePeriodSeconds: 0 })
        .catch(() => undefined);
  });
}

/** The pods whose controller reference names the remembered ReplicaSet. */
export async function podsOwnedBy(world: KubeWorld, label: string): Promise<KubeObject[]> {
  const { name } = world.recall(label);
  const pods = await world.api.list({ resource: 'pods', namespace: world.namespace });
  return pods.items.filter((pod) =>
    pod.metadata.ownerReferences?.some(
      (reference) => reference.controller && reference.kind === 'ReplicaSet' && reference.name === name,
    ),
  );
}

/** What the scheduler last said about a pending pod, as `; PodScheduled=False (reason): message`, or ''. */
export function whyPending(pod: KubeObject): string {
  const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
  const scheduled = conditions.find((condition) => condition.type === 'PodScheduled' && condition.status === 'False');
  return scheduled ? `; PodScheduled=False (${String(scheduled.reason)}): ${String(scheduled.message)}` : '';
}

/** The explanation the scheduler published on a pod it bound. */
export async function explanationOf(world: KubeWorld, label: string): Promise<Explanation> {
  const annotation = (await getPod(world, label)).metadata.annotations?.[ExplanationAnnotation];
  assert.ok(annotation, `pod "${label}" carries no ${ExplanationAnnotation} annotation`);
  return JSON.parse(annotation) as Explanation;
}

/** Writes reports/explanations/<name>.json: the pod's explanation, and the scenario that made it. */
export async function saveExplanation(world: KubeWorld, label: string, name: string): Promise<void> {
  const explanation = await explanationOf(world, label);
  const saved = { name, title: world.scenarioName, scenario: world.scenarioUri, explanation };
  await mkdir(ExplanationDirectory, { recursive: true });
  await writeFile(path.join(ExplanationDirectory, `${name}.json`), `${JSON.stringify(saved, null, 2)}\n`);
}

/** Where one of the pods placed one at a time went, and how many nodes tied at the top for it. */
export interface Placement {
  node: string;
  tiedAtTop: number;
}

/**
 * One pod at a time: create it (shaped by `spec`), wait until it is bound, read the scheduler's
 * explanation, delete it and wait until it is gone, so the next one meets the same empty nodes.
 */
export async function placeOneAtATime(
  world: KubeWorld,
  label: string,
  times: number,
  spec: Record<string, unknown> = {},
  { stay = false } = {},
): Promise<Placement[]> {
  const placements: Placement[] = [];
  const nodeLabels = [...world.nodeNames.keys()];
  for (let i = 0; i < times; i++) {
    const podLabel = `${label} ${i}`;
    await createPod(world, podLabel, spec);
    const node = await waitUntilBound(world, podLabel, 10, nodeLabels);
    placements.push({ node, tiedAtTop: (await explanationOf(world, podLabel)).tiedAtTop });
    if (stay) continue;
    const ref = world.refFor(world.recall(podLabel));
    await world.api.delete(ref, { gracePeriodSeconds: 0 });
    await eventually(
      async () => {
        const found = await world.api.get(ref).then(
          () => true,
          (error: unknown) => {
            if (isNotFound(error)) return false;
            throw error;
          },
        );
        assert.ok(!found, `pod "${podLabel}" is still there after its deletion`);
      },
      { timeoutMs: 10_000 },
    );
  }
  return placements;
}
