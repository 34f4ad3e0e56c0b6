// The scheduler's cache: every node with the pods bound or assumed on it.
//
// "The scheduler counts a pod on a node the moment it decides, before the binding lands." Its
// informers say which pods are bound where; a pod it has just placed is *assumed* on its node
// until the informer shows it bound (then the real copy replaces the assumed one) or its
// binding fails (then it is forgotten). Without assuming, the next pod would be placed as if
// the last one had not been, and a node could be filled twice over.
//
// kubelab has no assumed-pod expiry. Real Kubernetes: pkg/scheduler/backend/cache/cache.go
// (AssumePod, FinishBinding, ForgetPod, AddPod, UpdateSnapshot).

import { keyOf } from '../client/informer.js';
import type { Node, Pod } from '../client/types.js';
import { addPod, assumedPod, newNodeInfo, removePod } from './framework/node-info.js';
import type { NodeInfo } from './framework/types.js';

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** Where each counted pod is, by namespace/name: bound or assumed. */
  private readonly placed = new Map<string, { nodeName: string; pod: Pod; isAssumed: boolean }>();
  /** Bound pods whose node the cache has not seen yet (informers race). */
  private readonly orphans = new Map<string, Pod>();
  private snapshot: NodeInfo[] | undefined;

  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const pods = this.nodes.get(name)?.pods ?? [];
    const adopted = [...this.orphans.values()].filter((pod) => pod.spec.nodeName === name);
    for (const pod of adopted) this.orphans.delete(keyOf(pod));
    this.nodes.set(name, newNodeInfo(node, [...pods, ...adopted]));
    this.snapshot = undefined;
  }

  removeNode(node: Node): void {
    this.nodes.delete(node.metadata.name ?? '');
    this.snapshot = undefined;
  }

  // #region assume
  /** Counts the pod on `nodeName` now; the binding will confirm or undo it. */
  assume(pod: Pod, nodeName: string): void {
    const nodeInfo = this.nodes.get(nodeName);
    if (!nodeInfo) throw new Error(`assume: node ${nodeName} is not in the cache`);
    const assumed = assumedPod(pod, nodeName);
    addPod(nodeInfo, assumed);
    this.placed.set(keyOf(pod), { nodeName, pod: assumed, isAssumed: true });
  }

  /** The binding failed: the pod is on no node after all. */
  forget(pod: Pod): void {
    this.removePod(pod);
  }
  // #endregion assume

  /** A pod the informer shows bound to a node (or changed while bound). */
  setBoundPod(pod: Pod): void {
    const nodeName = pod.spec.nodeName ?? '';
    this.removePod(pod);
    if (isFinished(pod)) return;
    const nodeInfo = this.nodes.get(nodeName);
    if (!nodeInfo) {
      this.orphans.set(keyOf(pod), pod);
      return;
    }
    addPod(nodeInfo, pod);
    this.placed.set(keyOf(pod), { nodeName, pod, isAssumed: false });
  }

  removePod(pod: Pod): void {
    const key = keyOf(pod);
    this.orphans.delete(key);
    const placed = this.placed.get(key);
    if (!placed) return;
    this.placed.delete(key);
    const nodeInfo = this.nodes.get(placed.nodeName);
    if (nodeInfo) removePod(nodeInfo, placed.pod);
  }

  isAssumed(pod: Pod): boolean {
    return this.placed.get(keyOf(pod))?.isAssumed ?? false;
  }

  /** Every node, in a stable order, for one scheduling attempt. */
  nodeInfos(): readonly NodeInfo[] {
    this.snapshot ??= [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    return this.snapshot;
  }
}

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
