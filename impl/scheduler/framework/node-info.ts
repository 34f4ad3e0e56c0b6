// NodeInfo: the scheduler's picture of one node and the pods on it.
//
// "The scheduler keeps its own cache of nodes and the pods assigned to them, and counts a pod
// on its node as soon as it decides, before the binding is written (the pod is 'assumed')."
// Each NodeInfo keeps running sums, requested and non-zero requested resources and the host
// ports in use, updated by addPod and removePod, so a filter reads a sum instead of re-adding
// every pod on every attempt.
//
// kubelab simplifies: no generation numbers or snapshot diffing; the process owns the NodeInfos
// and passes them in. Real Kubernetes: pkg/scheduler/framework/types.go (NodeInfo, AddPod,
// RemovePod, HostPortInfo) and pkg/scheduler/backend/cache/cache.go (AssumePod).

import type { Node, Pod } from '../../client/types.js';
import { nodeAllocatable, podRequests } from './resources.js';
import type { NodeInfo } from './types.js';

/** The address a host port binds when the pod names none: every address. */
export const DefaultBindAllHostIp = '0.0.0.0';

/** A NodeInfo for the node, with these pods already counted. */
export function newNodeInfo(node: Node, pods: readonly Pod[] = []): NodeInfo {
  const nodeInfo: NodeInfo = {
    node,
    name: node.metadata.name ?? '',
    pods: [],
    allocatable: nodeAllocatable(node),
    requested: { milliCpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { milliCpu: 0, memory: 0, pods: 0 },
    usedPorts: new Set(),
    controllerPods: new Map(),
  };
  for (const pod of pods) addPod(nodeInfo, pod);
  return nodeInfo;
}

/** Counts a pod on the node: bound, or assumed by the scheduler before its binding lands. */
export function addPod(nodeInfo: NodeInfo, pod: Pod): void {
  nodeInfo.pods.push(pod);
  changeSums(nodeInfo, pod, 1);
  for (const key of hostPortKeys(pod)) nodeInfo.usedPorts.add(key);
}

/** Forgets a pod (deleted, or an assumption that did not bind); false if it was not there. */
export function removePod(nodeInfo: NodeInfo, pod: Pod): boolean {
  const key = podKey(pod);
  const index = nodeInfo.pods.findIndex((candidate) => podKey(candidate) === key);
  if (index < 0) return false;
  const [removed] = nodeInfo.pods.splice(index, 1);
  if (!removed) return false;
  changeSums(nodeInfo, removed, -1);
  nodeInfo.usedPorts.clear();
  for (const remaining of nodeInfo.pods) for (const port of hostPortKeys(remaining)) nodeInfo.usedPorts.add(port);
  return true;
}

/** The pod with spec.nodeName set, as the scheduler's cache holds an assumed pod. */
export function assumedPod(pod: Pod, nodeName: string): Pod {
  return { ...pod, spec: { ...pod.spec, nodeName } };
}

/** The `ip/protocol/port` keys of the host ports a pod's containers ask for. */
export function hostPortKeys(pod: Pod): string[] {
  const keys: string[] = [];
  for (const container of pod.spec.containers) {
    for (const port of container.ports ?? []) {
      if ((port.hostPort ?? 0) <= 0) continue;
      keys.push(hostPortKey(port.hostIP, port.protocol, port.hostPort ?? 0));
    }
  }
  return keys;
}

/**
 * Whether a wanted host port collides with one in use: the same protocol and port on the same
 * address, or on every address (0.0.0.0) from either side (HostPortInfo.CheckConflict).
 */
export function hasPortConflict(usedPorts: ReadonlySet<string>, wantedKey: string): boolean {
  const [ip, protocol, port] = wantedKey.split('/');
  if (ip !== DefaultBindAllHostIp) {
    return usedPorts.has(wantedKey) || usedPorts.has(`${DefaultBindAllHostIp}/${protocol}/${port}`);
  }
  const suffix = `/${protocol}/${port}`;
  for (const used of usedPorts) if (used.endsWith(suffix)) return true;
  return false;
}

function hostPortKey(hostIp: string | undefined, protocol: string | undefined, port: number): string {
  return `${hostIp || DefaultBindAllHostIp}/${protocol || 'TCP'}/${port}`;
}

function changeSums(nodeInfo: NodeInfo, pod: Pod, sign: 1 | -1): void {
  const requested = podRequests(pod, false);
  const nonZero = podRequests(pod, true);
  nodeInfo.requested.milliCpu += sign * requested.milliCpu;
  nodeInfo.requested.memory += sign * requested.memory;
  nodeInfo.requested.pods += sign;
  nodeInfo.nonZeroRequested.milliCpu += sign * nonZero.milliCpu;
  nodeInfo.nonZeroRequested.memory += sign * nonZero.memory;
  nodeInfo.nonZeroRequested.pods += sign;
  const controller =
    pod.metadata.deletionTimestamp === undefined
      ? pod.metadata.ownerReferences?.find((reference) => reference.controller === true)
      : undefined;
  if (controller === undefined) return;
  const count = (nodeInfo.controllerPods.get(controller.uid) ?? 0) + sign;
  if (count > 0) nodeInfo.controllerPods.set(controller.uid, count);
  else nodeInfo.controllerPods.delete(controller.uid);
}

function podKey(pod: Pod): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}
