// The rolling update's arithmetic: how far the new ReplicaSet may grow and the old ones shrink.
//
// "The Deployment ensures that only a certain number of Pods are down while they are being
// updated (at least 75% of the desired number are up, by default), and that only a certain
// number of Pods are created above the desired number (at most 125%)." (kubernetes.io,
// Deployments). Each sync takes one step: grow the new ReplicaSet while the total stays within
// replicas + maxSurge; otherwise shrink the old ones while the available pods stay at or above
// replicas - maxUnavailable. Old pods that are not available go first: removing them costs no
// availability. All counts are ReplicaSet sizes (spec.replicas) and the availableReplicas their
// status reports, never pods counted by hand.
//
// kubelab resizes each old ReplicaSet once per step, with its final size, where Kubernetes may
// write it twice (once to drop unhealthy pods, once more to scale down). Against maxSurge it
// counts a shrinking ReplicaSet at the size its status still reports until its controller has
// deleted the pods, so no new pod starts beside old ones that are not yet going; Kubernetes
// counts spec.replicas alone, and may for a moment run more pods. Real Kubernetes:
// pkg/controller/deployment/rolling.go (reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate) and util/
// deployment_util.go (NewRSNewReplicas).

import type { DeploymentSpec } from '../../client/types.js';
import { isRollingUpdate, maxSurge, maxUnavailable, replicasOf } from './fenceposts.js';

/** What the arithmetic needs to know about one ReplicaSet. */
export interface SetCounts {
  name: string;
  /** spec.replicas: the size the controller asked for. */
  replicas: number;
  /** status.availableReplicas: what the ReplicaSet controller last saw. */
  availableReplicas: number;
  /** creationTimestamp: older sets are scaled down first. */
  createdAt: string;
  /** status.replicas: the pods, not being deleted, the ReplicaSet controller last counted. */
  statusReplicas: number;
}

// #region new-replica-set-replicas
/**
 * The size the new ReplicaSet may grow to now (NewRSNewReplicas). `totalReplicas` sums the
 * sizes of all the deployment's ReplicaSets, the new one included.
 */
export function newReplicaSetReplicas(spec: DeploymentSpec, totalReplicas: number, newReplicas: number): number {
  const replicas = replicasOf(spec);
  if (!isRollingUpdate(spec)) return replicas;
  const maxTotal = replicas + maxSurge(spec);
  // Already at the ceiling: wait for old pods to go.
  if (totalReplicas >= maxTotal) return newReplicas;
  return newReplicas + Math.min(maxTotal - totalReplicas, replicas - newReplicas);
}
// #endregion new-replica-set-replicas

/**
 * The pods the sets may still run, for the maxSurge ceiling: each set's size, or more while its
 * status says it has not yet deleted the pods it was asked to drop.
 */
export function countedReplicas(sets: SetCounts[]): number {
  return sum(sets, (set) => Math.max(set.replicas, set.statusReplicas));
}

// #region old-replica-sets
/**
 * The new sizes of the old ReplicaSets that shrink in this step, by name; empty when none may
 * (reconcileOldReplicaSets). `oldSets` are the old ReplicaSets that still have replicas.
 */
export function oldReplicaSetSizes(spec: DeploymentSpec, newSet: SetCounts, oldSets: SetCounts[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const oldReplicas = sum(oldSets, (set) => set.replicas);
  if (oldReplicas === 0) return sizes;
  const minAvailable = replicasOf(spec) - maxUnavailable(spec);
  // New pods that are not available yet already use up part of the unavailability budget.
  const newUnavailable = newSet.replicas - newSet.availableReplicas;
  const maxScaledDown = oldReplicas + newSet.replicas - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return sizes;
  const oldestFirst = [...oldSets].sort(byCreation);
  // 1. Unavailable old pods cost nothing to remove (cleanupUnhealthyReplicas).
  let cleanedUp = 0;
  for (const set of oldestFirst) {
    if (cleanedUp >= maxScaledDown) break;
    if (set.replicas === 0 || set.replicas === set.availableReplicas) continue;
    // More available than asked for: the status predates the last resize. Kubernetes stops
    // here (an "invalid request to scale down" error) and waits for a fresh status.
    if (set.availableReplicas > set.replicas) return sizes;
    const count = Math.min(maxScaledDown - cleanedUp, set.replicas - set.availableReplicas);
    sizes.set(set.name, set.replicas - count);
    cleanedUp += count;
  }
  // 2. Available ones only down to minAvailable (scaleDownOldReplicaSetsForRollingUpdate).
  const available = sum([...oldSets, newSet], (set) => set.availableReplicas);
  let toScaleDown = available - minAvailable;
  for (const set of oldestFirst) {
    if (toScaleDown <= 0) break;
    const size = sizes.get(set.name) ?? set.replicas;
    const count = Math.min(size, toScaleDown);
    if (count > 0) sizes.set(set.name, size - count);
    toScaleDown -= count;
  }
  return sizes;
}
// #endregion old-replica-sets

/** Oldest first, then by name (ReplicaSetsByCreationTimestamp). */
export function byCreation(a: { createdAt: string; name: string }, b: { createdAt: string; name: string }): number {
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sum<T>(items: T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}
