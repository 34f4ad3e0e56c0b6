// The ReplicaSet controller's pure rules: which pods count, what a new pod looks like, and
// which pods go first when there are too many.
//
// "When scaling down, the ReplicaSet deletes the pods that matter least first: not yet
// scheduled before scheduled, pending before running, not ready before ready, then pods on
// crowded nodes, recently ready, often restarted and new ones." Those rules are a comparator;
// the controller only counts and cuts.
//
// kubelab compares ready-times exactly (no logarithmic buckets). Real Kubernetes:
// pkg/controller/controller_utils.go (ActivePodsWithRanks.Less, FilterActivePods) and
// pkg/controller/replicaset/replica_set.go (getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode).

import type { JsonObject, KubeObject, OwnerReference } from '../../client/types.js';

export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((reference) => reference.controller === true);
}

/** A pod counts toward replicas until it finished or started being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

// #region pod-from-template
/** A new pod for the ReplicaSet: the template, a generated name, and the controller reference. */
export function podFromTemplate(rs: KubeObject): KubeObject {
  const template = (rs.spec?.template ?? {}) as JsonObject;
  const metadata = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name ?? '', uid: rs.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `${rs.metadata.name}-`, labels: { ...metadata.labels }, annotations: metadata.annotations ? { ...metadata.annotations } : undefined, ownerReferences: [owner] },
    spec: structuredClone((template.spec ?? {}) as JsonObject),
  };
}
// #endregion pod-from-template

// #region pods-to-delete
/**
 * The `count` pods to delete first. `podsOnNode` counts, per node, this controller's pods
 * there: a pod on a crowded node goes before one alone on its node.
 */
export function podsToDelete(pods: KubeObject[], count: number, podsOnNode: Map<string, number>): KubeObject[] {
  const rank = (pod: KubeObject) => podsOnNode.get(String(pod.spec?.nodeName ?? '')) ?? 0;
  return [...pods].sort((a, b) => compareForDeletion(a, b, rank)).slice(0, Math.max(0, count));
}

/** Negative when `a` should be deleted before `b` (ActivePodsWithRanks.Less). */
export function compareForDeletion(a: KubeObject, b: KubeObject, rank: (pod: KubeObject) => number): number {
  // 1. Not yet scheduled before scheduled.
  const assigned = Number(Boolean(a.spec?.nodeName)) - Number(Boolean(b.spec?.nodeName));
  if (assigned !== 0) return assigned;
  // 2. Pending before Unknown before Running.
  const phase = phaseOrder(a) - phaseOrder(b);
  if (phase !== 0) return phase;
  // 3. Not ready before ready.
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready !== 0) return ready;
  // 4. More of our pods on its node first: spread what remains.
  const crowding = rank(b) - rank(a);
  if (crowding !== 0) return crowding;
  // 5. Ready for less time first.
  if (isPodReady(a) && isPodReady(b)) {
    const readySince = time(readyCondition(b)?.lastTransitionTime) - time(readyCondition(a)?.lastTransitionTime);
    if (readySince !== 0) return readySince;
  }
  // 6. More restarts first.
  const restarts = restartCount(b) - restartCount(a);
  if (restarts !== 0) return restarts;
  // 7. Newer first.
  return time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
}
// #endregion pods-to-delete

function phaseOrder(pod: KubeObject): number {
  return { Pending: 0, Unknown: 1, Running: 2 }[String(pod.status?.phase ?? 'Pending')] ?? 0;
}

function readyCondition(pod: KubeObject): Record<string, unknown> | undefined {
  const conditions = pod.status?.conditions;
  return Array.isArray(conditions) ? (conditions as Array<Record<string, unknown>>).find((c) => c.type === 'Ready') : undefined;
}

function restartCount(pod: KubeObject): number {
  const statuses = pod.status?.containerStatuses;
  return Array.isArray(statuses) ? (statuses as Array<{ restartCount?: number }>).reduce((sum, s) => sum + (s.restartCount ?? 0), 0) : 0;
}

function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : 0;
}
