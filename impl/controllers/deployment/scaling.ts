// Scaling a Deployment: proportionally, when replicas change in the middle of a rollout.
//
// "When the autoscaler (or you) scale a RollingUpdate Deployment that is in the middle of a
// rollout, the Deployment controller balances the additional replicas in the existing active
// ReplicaSets (ReplicaSets with Pods) in order to mitigate risk. This is called proportional
// scaling." (kubernetes.io, Deployments). A scaling event is recognised without asking what
// happened: some active ReplicaSet's desired-replicas annotation differs from spec.replicas.
// With one active ReplicaSet it simply gets the new size; with several, each gets a share in
// proportion to its size, measured against the max-replicas annotation it was last sized for.
//
// Real Kubernetes: pkg/controller/deployment/sync.go (scale, isScalingEvent) and util/
// deployment_util.go (FindActiveOrLatest, IsSaturated, GetProportion, getReplicaSetFraction).

import type { DeploymentSpec } from '../../client/types.js';
import { isRollingUpdate, maxSurge, replicasOf } from './fenceposts.js';
import { byCreation, type SetCounts } from './rolling-update.js';

/** A ReplicaSet's counts plus the deployment size its annotations say it was last sized for. */
export interface ScaledSetCounts extends SetCounts {
  /** deployment.kubernetes.io/desired-replicas */
  desiredReplicas?: number;
  /** deployment.kubernetes.io/max-replicas */
  maxReplicas?: number;
}

/** Did spec.replicas change since the active ReplicaSets were last sized? (isScalingEvent) */
export function isScalingEvent(spec: DeploymentSpec, sets: ScaledSetCounts[]): boolean {
  return sets.some(
    (set) => set.replicas > 0 && set.desiredReplicas !== undefined && set.desiredReplicas !== replicasOf(spec),
  );
}

// #region proportional-scaling
/**
 * The sizes the deployment's ReplicaSets should have after a scaling event, by name (scale).
 * `statusReplicas` is the deployment's status.replicas, used when a set has no max-replicas.
 * Mid-rollout every active set is listed, even at its current size, so that its annotations
 * record the new deployment size and the scaling event is over.
 */
export function scaledSizes(
  spec: DeploymentSpec,
  statusReplicas: number,
  newSet: ScaledSetCounts | undefined,
  oldSets: ScaledSetCounts[],
): Map<string, number> {
  const replicas = replicasOf(spec);
  // 1. One active ReplicaSet (or none: then the newest) takes the whole size.
  const only = activeOrLatest(newSet, oldSets);
  if (only) return new Map(only.replicas === replicas ? [] : [[only.name, replicas]]);
  // 2. A new ReplicaSet that is complete leaves nothing to the old ones.
  if (
    newSet &&
    newSet.replicas === replicas &&
    newSet.desiredReplicas === replicas &&
    newSet.availableReplicas === replicas
  ) {
    return new Map(oldSets.filter((set) => set.replicas > 0).map((set) => [set.name, 0]));
  }
  // 3. Mid-rollout: share the difference in proportion. Recreate never has two active sets.
  if (!isRollingUpdate(spec)) return new Map();
  const active = [...oldSets, ...(newSet ? [newSet] : [])].filter((set) => set.replicas > 0);
  const allowed = replicas > 0 ? replicas + maxSurge(spec) : 0;
  const toAdd = allowed - active.reduce((total, set) => total + set.replicas, 0);
  // Bigger sets first; among equals, growing favours the newer and shrinking the older.
  active.sort((a, b) => b.replicas - a.replicas || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const set of active) {
    const share = toAdd === 0 ? 0 : proportion(set, spec, statusReplicas, toAdd, added);
    sizes.set(set.name, set.replicas + share);
    added += share;
  }
  // Rounding leftovers go to the largest set.
  const [largest] = active;
  if (largest && toAdd !== 0) sizes.set(largest.name, Math.max(0, (sizes.get(largest.name) ?? 0) + toAdd - added));
  // Every active set is listed, resized or not: each gets the new size in its annotations.
  return sizes;
}

/** This set's share of `toAdd`, never beyond what is left to add (GetProportion). */
function proportion(
  set: ScaledSetCounts,
  spec: DeploymentSpec,
  statusReplicas: number,
  toAdd: number,
  added: number,
): number {
  if (set.replicas === 0 || toAdd === added) return 0;
  const allowed = toAdd - added;
  const fraction = replicaSetFraction(set, spec, statusReplicas);
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** How much this set should change: its size scaled by new max / old max (getReplicaSetFraction). */
function replicaSetFraction(set: ScaledSetCounts, spec: DeploymentSpec, statusReplicas: number): number {
  const replicas = replicasOf(spec);
  if (replicas === 0) return -set.replicas;
  const deploymentReplicas = replicas + maxSurge(spec);
  const annotated = set.maxReplicas ?? statusReplicas;
  if (annotated <= 0) return 0;
  return Math.round((set.replicas * deploymentReplicas) / annotated) - set.replicas;
}
// #endregion proportional-scaling

/** The only active set, or the newest when none is active; undefined when several are (FindActiveOrLatest). */
function activeOrLatest(newSet: ScaledSetCounts | undefined, oldSets: ScaledSetCounts[]): ScaledSetCounts | undefined {
  if (!newSet && oldSets.length === 0) return undefined;
  const newestFirst = [...oldSets].sort((a, b) => byCreation(b, a));
  const active = [...newestFirst, ...(newSet ? [newSet] : [])].filter((set) => set.replicas > 0);
  if (active.length === 0) return newSet ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}
