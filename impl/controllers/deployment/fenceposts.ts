// maxSurge and maxUnavailable: how far a rolling update may stray from `replicas`.
//
// "maxSurge is the maximum number of Pods that can be created over the desired number of Pods;
// maxUnavailable the maximum number that can be unavailable during the update. Either may be a
// number or a percentage of the desired Pods; the absolute number is calculated from the
// percentage by rounding up for maxSurge and down for maxUnavailable. They cannot both be 0."
// (kubernetes.io, Deployments). Rounding surge up and unavailable down errs on the side of
// availability; if both come out 0 the rollout could never move, so unavailable becomes 1.
//
// Real Kubernetes: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts,
// MaxSurge, MaxUnavailable) and apimachinery/pkg/util/intstr (GetScaledValueFromIntOrPercent).

import type { DeploymentSpec, IntOrString } from '../../client/types.js';
import { TerminalError } from '../../client/reconcile.js';

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

// #region resolve-fenceposts
/** The absolute maxSurge and maxUnavailable for `desired` replicas (ResolveFenceposts). */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): Fenceposts {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true);
  const unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  // Both zero would allow neither a new pod nor a missing one: the rollout could never start.
  if (surge === 0 && unavailable === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** An int stays as it is; "25%" of `total` is rounded up or down as asked. */
export function valueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const match = /^(-?\d+)%$/.exec(value);
  if (!match)
    throw new TerminalError(
      `valueFromIntOrPercent: invalid value for IntOrString: invalid value "${value}": not a number or a percentage`,
    );
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
// #endregion resolve-fenceposts

/** Pods allowed above `replicas` during a rolling update; 0 for Recreate (MaxSurge). */
export function maxSurge(spec: DeploymentSpec): number {
  if (!isRollingUpdate(spec)) return 0;
  const rollingUpdate = spec.strategy?.rollingUpdate;
  return resolveFenceposts(rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable, replicasOf(spec)).maxSurge;
}

/** Pods allowed to be unavailable, never more than `replicas`; 0 for Recreate (MaxUnavailable). */
export function maxUnavailable(spec: DeploymentSpec): number {
  const replicas = replicasOf(spec);
  if (!isRollingUpdate(spec) || replicas === 0) return 0;
  const rollingUpdate = spec.strategy?.rollingUpdate;
  return Math.min(
    resolveFenceposts(rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable, replicas).maxUnavailable,
    replicas,
  );
}

export function isRollingUpdate(spec: DeploymentSpec): boolean {
  return (spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function replicasOf(spec: DeploymentSpec | undefined): number {
  return spec?.replicas ?? 1;
}
