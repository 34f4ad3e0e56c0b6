// The ReplicaSet controller's pure rules: which pods count, what a new pod looks like, and
// which pods go first when there are too many.
//
// "When scaling down, the ReplicaSet controller chooses which pods to delete by sorting the
// available pods": pending (and unschedulable) pods first, then the lower
// controller.kubernetes.io/pod-deletion-cost, then pods on nodes with more replicas, then the
// more recently created (kubernetes.io, ReplicaSet). The code behind that sentence is a
// comparator of eight rules; the controller only counts and cuts.
//
// kubelab compares ready and creation times exactly; Kubernetes (LogarithmicScaleDown) buckets
// them on a log2 scale of their age and breaks ties by uid. Real Kubernetes:
// pkg/controller/controller_utils.go (ActivePodsWithRanks.Less, FilterActivePods) and
// pkg/controller/replicaset/replica_set.go (getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode).

import { newControllerRef } from '../../client/owner-references.js';
import type { JsonObject, KubeObject } from '../../client/types.js';

export const PodDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

/** A pod and its rank: how many related active pods share its node. */
export interface RankedPod {
  pod: KubeObject;
  rank: number;
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
  const metadata = (template.metadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  const owner = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      labels: { ...metadata.labels },
      annotations: metadata.annotations ? { ...metadata.annotations } : undefined,
      ownerReferences: [owner],
    },
    spec: structuredClone((template.spec ?? {}) as JsonObject),
  };
}
// #endregion pod-from-template

// #region pods-to-delete exercise=pods-to-delete points=15
/**
 * The `count` pods of `pods` to delete first. A pod's rank is the number of active pods of
 * `relatedPods` on its node: deleting from the most crowded node spreads what remains.
 */
export function podsToDelete(pods: KubeObject[], relatedPods: KubeObject[], count: number): KubeObject[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods.filter(isPodActive))
    podsOnNode.set(nodeNameOf(pod), (podsOnNode.get(nodeNameOf(pod)) ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: podsOnNode.get(nodeNameOf(pod)) ?? 0 }));
  return ranked
    .sort(compareForDeletion)
    .slice(0, Math.max(0, count))
    .map(({ pod }) => pod);
}

/** Negative when `a` should be deleted before `b`, positive when after (ActivePodsWithRanks.Less). */
export function compareForDeletion(a: RankedPod, b: RankedPod): number {
  // 1. Not yet on a node before on a node: nothing has been started for it.
  if (isAssigned(a.pod) !== isAssigned(b.pod)) return isAssigned(a.pod) ? 1 : -1;
  // 2. Pending before Unknown before Running: the less far along, the less is lost.
  const phase = phaseOrdinal(a.pod) - phaseOrdinal(b.pod);
  if (phase !== 0) return phase;
  // 3. Not ready before ready: a pod that is not ready serves nobody yet.
  if (isPodReady(a.pod) !== isPodReady(b.pod)) return isPodReady(a.pod) ? 1 : -1;
  // 4. The lower pod-deletion-cost first: the user's own say.
  const cost = deletionCost(a.pod) - deletionCost(b.pod);
  if (cost !== 0) return cost;
  // 5. The higher rank first: a pod doubled up on a node with its relatives.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Both ready: the one ready more recently first (no ready time at all goes first).
  if (isPodReady(a.pod) && isPodReady(b.pod)) {
    const ready = newerFirst(readyTime(a.pod), readyTime(b.pod));
    if (ready !== 0) return ready;
  }
  // 7. The one whose container restarted most first.
  const restarts = maxContainerRestarts(b.pod) - maxContainerRestarts(a.pod);
  if (restarts !== 0) return restarts;
  // 8. The newer one first (no creation time at all goes first).
  return newerFirst(creationTime(a.pod), creationTime(b.pod));
}
// #endregion pods-to-delete

/** Pending < Unknown < Running; any other phase counts as Pending, as Go's map lookup does. */
export function phaseOrdinal(pod: KubeObject): number {
  return { Pending: 0, Unknown: 1, Running: 2 }[String(pod.status?.phase ?? '')] ?? 0;
}

export function isAssigned(pod: KubeObject): boolean {
  return nodeNameOf(pod) !== '';
}

/** The pod-deletion-cost annotation; absent or not a 32-bit integer counts as 0. */
export function deletionCost(pod: KubeObject): number {
  const value = pod.metadata.annotations?.[PodDeletionCostAnnotation];
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -(2 ** 31) && cost < 2 ** 31 ? cost : 0;
}

/** When the pod last became ready, in ms; undefined if it never did. */
export function readyTime(pod: KubeObject): number | undefined {
  return time(readyCondition(pod)?.lastTransitionTime);
}

export function creationTime(pod: KubeObject): number | undefined {
  return time(pod.metadata.creationTimestamp);
}

/** The most any one of the pod's containers restarted. */
export function maxContainerRestarts(pod: KubeObject): number {
  const statuses = pod.status?.containerStatuses;
  return Array.isArray(statuses)
    ? Math.max(0, ...(statuses as Array<{ restartCount?: number }>).map((status) => status.restartCount ?? 0))
    : 0;
}

/** Negative when `a` is the later time or missing (Go's afterOrZero), positive the other way. */
export function newerFirst(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return b - a;
}

function nodeNameOf(pod: KubeObject): string {
  return String(pod.spec?.nodeName ?? '');
}

function readyCondition(pod: KubeObject): Record<string, unknown> | undefined {
  const conditions = pod.status?.conditions;
  return Array.isArray(conditions)
    ? (conditions as Array<Record<string, unknown>>).find((c) => c.type === 'Ready')
    : undefined;
}

function time(value: unknown): number | undefined {
  return typeof value === 'string' && value !== '' ? Date.parse(value) : undefined;
}
