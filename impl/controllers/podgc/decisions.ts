// Which pods the pod garbage collector deletes, decided from the cache alone.
//
// "Pods bound to a node that no longer exists are deleted by the pod garbage collector": with
// no kubelet left to finish them, nothing else ever would, and a namespace holding one could
// never go away. Four rules, each a pure function of the pods and nodes the informers hold:
//   - orphaned: bound to a node that is gone (after a quarantine, and a GET that confirms it);
//   - unscheduled terminating: being deleted, but never bound, so no kubelet will finish it;
//   - terminating out of service: being deleted on a node that is not Ready and carries the
//     `node.kubernetes.io/out-of-service` taint (an administrator's word that it is down);
//   - terminated: finished pods beyond --terminated-pod-gc-threshold, oldest first.
// Real Kubernetes: pkg/controller/podgc/gc_controller.go (gcOrphaned, gcUnscheduledTerminating,
// gcTerminating, gcTerminated, byEvictionAndCreationTimestamp).

import type { Node, Pod, PodCondition } from '../../client/types.js';

/** The taint an administrator puts on a node known to be shut down (TaintNodeOutOfService). */
export const OutOfServiceTaint = 'node.kubernetes.io/out-of-service';

/** The condition an orphaned pod gets before it is deleted. */
export const OrphanedPodCondition: PodCondition = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'DeletionByPodGC',
  message: 'PodGC: node no longer exists',
};

/** The names of nodes pods are bound to that the cache does not hold: candidates for quarantine. */
export function missingNodeNames(pods: readonly Pod[], nodes: readonly Node[]): Set<string> {
  const existing = new Set(nodes.map((node) => node.metadata.name));
  return new Set(pods.map((pod) => pod.spec.nodeName ?? '').filter((name) => name !== '' && !existing.has(name)));
}

/** Pods bound to one of `deletedNodes`. */
export function orphanedPods(pods: readonly Pod[], deletedNodes: ReadonlySet<string>): Pod[] {
  return pods.filter((pod) => pod.spec.nodeName !== undefined && deletedNodes.has(pod.spec.nodeName));
}

/** Pods being deleted that were never bound: no kubelet will ever finish them. */
export function unscheduledTerminatingPods(pods: readonly Pod[]): Pod[] {
  return pods.filter((pod) => pod.metadata.deletionTimestamp && !pod.spec.nodeName);
}

/** Pods being deleted on a node that is not Ready and is tainted out of service. */
export function terminatingOutOfServicePods(pods: readonly Pod[], nodes: readonly Node[]): Pod[] {
  const outOfService = new Set(
    nodes
      .filter(
        (node) => !isNodeReady(node) && (node.spec?.taints ?? []).some((taint) => taint.key === OutOfServiceTaint),
      )
      .map((node) => node.metadata.name),
  );
  return pods.filter((pod) => pod.metadata.deletionTimestamp && outOfService.has(pod.spec.nodeName));
}

/** Finished pods (Succeeded or Failed) beyond `threshold`, evicted first, then oldest first. */
export function terminatedPodsOverThreshold(pods: readonly Pod[], threshold: number): Pod[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter(isPodTerminated);
  const excess = terminated.length - threshold;
  return excess > 0 ? terminated.sort(byEvictionAndCreationTimestamp).slice(0, excess) : [];
}

function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

function isNodeReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

function byEvictionAndCreationTimestamp(a: Pod, b: Pod): number {
  const evicted = (pod: Pod) => pod.status?.phase === 'Failed' && pod.status?.reason === 'Evicted';
  if (evicted(a) !== evicted(b)) return evicted(a) ? -1 : 1;
  const created = (pod: Pod) => Date.parse(pod.metadata.creationTimestamp ?? '') || 0;
  return created(a) - created(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}
