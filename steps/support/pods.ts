// Pods for real nodes: their manifests, created with kubectl, and what their status says.

import assert from 'node:assert/strict';
import type { JsonObject, KubeObject } from '../../impl/client/types.js';
import { WatchRecorder } from './watch-recorder.js';
import type { KubeWorld } from './world.js';

export interface PodShape {
  image: string;
  args?: string[];
  restartPolicy?: string;
  gracePeriodSeconds?: number;
  nodeName?: string;
  /** The downward API's POD_NAME, POD_NAMESPACE and POD_IP, as the echo server reads them. */
  downwardApi?: boolean;
  /** An HTTP GET probe on port 8080, every second, failing after 2 tries (liveness: after a startup probe). */
  probe?: { kind: 'liveness' | 'readiness' | 'startup'; path: string };
}

export function podManifest(name: string, namespace: string, shape: PodShape): KubeObject {
  const field = (variable: string, fieldPath: string) => ({ name: variable, valueFrom: { fieldRef: { fieldPath } } });
  const container: JsonObject = { name: 'main', image: shape.image };
  if (shape.args) container.args = shape.args;
  if (shape.downwardApi)
    container.env = [
      field('POD_NAME', 'metadata.name'),
      field('POD_NAMESPACE', 'metadata.namespace'),
      field('POD_IP', 'status.podIP'),
    ];
  if (shape.probe)
    container[`${shape.probe.kind}Probe`] = {
      httpGet: { path: shape.probe.path, port: 8080 },
      periodSeconds: 1,
      failureThreshold: 2,
    };
  // A liveness probe of a program still starting fails too, and restarts it: on a loaded machine
  // that can take more than its 2 s. As Kubernetes advises, a startup probe holds the liveness
  // probe back until the program has answered once.
  if (shape.probe?.kind === 'liveness')
    container.startupProbe = {
      httpGet: { path: shape.probe.path, port: 8080 },
      periodSeconds: 1,
      failureThreshold: 30,
    };
  const spec: JsonObject = { containers: [container] };
  if (shape.restartPolicy) spec.restartPolicy = shape.restartPolicy;
  if (shape.gracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = shape.gracePeriodSeconds;
  if (shape.nodeName) spec.nodeName = shape.nodeName;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec };
}

/**
 * A row of a table of pods: its restartPolicy, its init containers and containers (each an exit
 * code for `kubelab/exit`, or `runs` for `kubelab/sleeper`), and the phase it should come to.
 */
export interface PodRow {
  pod: string;
  restartPolicy: string;
  initContainers: string[];
  containers: string[];
  phase: string;
}

/** The rows of a feature's table of pods, whose container lists are comma-separated. */
export function podRows(rows: Array<Record<string, string>>): PodRow[] {
  const list = (cell: string | undefined) => (cell ?? '').split(',').flatMap((entry) => entry.trim() || []);
  return rows.map((row) => ({
    pod: String(row.pod),
    restartPolicy: String(row.restartPolicy),
    initContainers: list(row['init containers']),
    containers: list(row.containers),
    phase: String(row.phase),
  }));
}

/** The names a row's containers get: `init-1` …, then `first`, `second`, `third`. */
export function containerNames(row: PodRow): { init: string[]; containers: string[] } {
  return {
    init: row.initContainers.map((_, index) => `init-${index + 1}`),
    containers: row.containers.map((_, index) => ['first', 'second', 'third'][index] ?? `c${index + 1}`),
  };
}

export function podManifestOfRow(name: string, namespace: string, row: PodRow): KubeObject {
  const names = containerNames(row);
  const container = (entry: string, containerName: string): JsonObject =>
    entry === 'runs'
      ? { name: containerName, image: 'kubelab/sleeper' }
      : { name: containerName, image: 'kubelab/exit', args: [entry] };
  const spec: JsonObject = {
    restartPolicy: row.restartPolicy,
    containers: row.containers.map((entry, index) => container(entry, names.containers[index] ?? '')),
  };
  if (row.initContainers.length > 0)
    spec.initContainers = row.initContainers.map((entry, index) => container(entry, names.init[index] ?? ''));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec };
}

/**
 * Whether the kubelet restarts a container of a row once it exits, as the restart policy says:
 * Always every exit, OnFailure a non-zero one, Never none. An init container that exits 0 has
 * completed, whatever the policy; one that runs on never exits.
 */
export function isRestarted(restartPolicy: string, entry: string, isInit: boolean): boolean {
  if (entry === 'runs' || restartPolicy === 'Never') return false;
  return entry !== '0' || (restartPolicy === 'Always' && !isInit);
}

/**
 * `kubectl apply` of the pod, as a person would create it; its events are recorded from
 * before its creation by a watch on the scenario's namespace.
 */
export function createPodWithKubectl(world: KubeWorld, label: string, shape: PodShape): Promise<string> {
  return applyPodWithKubectl(world, label, (name) => podManifest(name, world.namespace, shape));
}

/** The same, for a manifest written out in full: `manifest` gets the pod's unique name. */
export async function applyPodWithKubectl(
  world: KubeWorld,
  label: string,
  manifest: (name: string) => KubeObject,
): Promise<string> {
  const name = world.uniqueName(label);
  world.notes.set(`pod ${label}`, name);
  const watch = new WatchRecorder(world.api, { resource: 'pods', namespace: world.namespace }, {});
  world.watches.push(watch);
  world.notes.set(`watch ${label}`, String(world.watches.length - 1));
  const result = await world.kubectl(['apply', '-f', '-'], JSON.stringify(manifest(name)));
  assert.equal(result.exitCode, 0, `kubectl apply failed: ${result.stderr}`);
  return name;
}

/** The status of a container of the pod, init or not, by name. */
export function containerNamed(pod: KubeObject, name: string): ContainerStatusView | undefined {
  const list = (field: string) =>
    (pod.status?.[field] ?? []) as unknown as Array<ContainerStatusView & { name: string }>;
  return [...list('initContainerStatuses'), ...list('containerStatuses')].find((status) => status.name === name);
}

export function podName(world: KubeWorld, label: string): string {
  const name = world.notes.get(`pod ${label}`);
  if (!name) throw new Error(`the scenario made no pod "${label}"`);
  return name;
}

/** Every version of the pod its watch has seen so far, oldest first. */
export function podHistory(world: KubeWorld, label: string): KubeObject[] {
  const watch = world.watches[Number(world.notes.get(`watch ${label}`))];
  if (!watch) throw new Error(`no watch recorded pod "${label}"`);
  return watch.eventsFor(podName(world, label)).map((event) => event.object);
}

export function getPod(world: KubeWorld, label: string): Promise<KubeObject> {
  return world.api.get({ resource: 'pods', namespace: world.namespace, name: podName(world, label) });
}

export interface ContainerStatusView {
  restartCount: number;
  state: Record<string, Record<string, unknown> | undefined>;
  lastState: Record<string, Record<string, unknown> | undefined>;
}

export function mainContainer(pod: KubeObject): ContainerStatusView | undefined {
  const statuses = (pod.status?.containerStatuses ?? []) as unknown as ContainerStatusView[];
  return statuses[0];
}

/**
 * The waiting reasons and messages the pod's container (its first, or the one named) went through,
 * in order: one entry per spell of waiting (the same back-off twice, with a run between, is two
 * entries).
 */
export function waitingHistory(pods: KubeObject[], container?: string): Array<{ reason: string; message: string }> {
  const seen: Array<{ reason: string; message: string }> = [];
  let previous = '';
  for (const pod of pods) {
    const state = (container === undefined ? mainContainer(pod) : containerNamed(pod, container))?.state;
    const waiting = state?.waiting;
    const now = waiting ? `waiting ${waiting.reason} ${waiting.message}` : JSON.stringify(state ?? {});
    if (waiting && now !== previous)
      seen.push({ reason: String(waiting.reason ?? ''), message: String(waiting.message ?? '') });
    previous = now;
  }
  return seen;
}

/** The runtime's log file of the pod's container, run `attempt` (0 for the first), in its node:
 * the kubelet's layout, /var/log/pods/<namespace>_<pod>_<uid>/<container>/<attempt>.log. */
export function containerLogFile(pod: KubeObject, attempt: number): string {
  const { namespace, name, uid } = pod.metadata;
  return `/var/log/pods/${namespace}_${name}_${uid}/main/${attempt}.log`;
}

/** The events of reason `reason` about pod `label`, in the scenario's namespace, as kubectl lists them. */
export async function podEvents(world: KubeWorld, label: string, reason: string): Promise<KubeObject[]> {
  const name = podName(world, label);
  const events = await world.api.list({ resource: 'events', namespace: world.namespace });
  return events.items.filter(
    (event) => (event.involvedObject as { name?: string } | undefined)?.name === name && event.reason === reason,
  );
}

/** The back-offs a container waited in `reason` for, in order, as its waiting messages give them: `1s`, `2s`. */
export function backOffs(pods: KubeObject[], reason: string, container?: string): string[] {
  return waitingHistory(pods, container)
    .filter((entry) => entry.reason === reason)
    .map((entry) => /^back-off (\S+) restarting failed container/.exec(entry.message)?.[1] ?? entry.message);
}
