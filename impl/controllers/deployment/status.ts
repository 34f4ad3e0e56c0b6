// A Deployment's status: counts summed from its ReplicaSets, and two conditions.
//
// "Kubernetes marks a Deployment as progressing when it creates a new ReplicaSet, scales the
// new ReplicaSet up or the old ones down, or new Pods become available; as complete when all
// replicas are updated and available and no old replicas are running; as failed when it does
// not progress within progressDeadlineSeconds." (kubernetes.io, Deployments). `Available` says
// whether at least replicas - maxUnavailable pods are available. `Progressing` carries the
// rollout's story in its reason: NewReplicaSetCreated or FoundNewReplicaSet, ReplicaSetUpdated
// while it moves, NewReplicaSetAvailable once complete, ProgressDeadlineExceeded if stuck.
// `kubectl rollout status` reads the counts and the Progressing reason.
//
// A rollout also copies a ReplicaSet's ReplicaFailure condition into the Deployment's, so
// `kubectl describe deployment` shows why pods are missing (a quota, a refused create).
// Real Kubernetes: pkg/controller/deployment/sync.go (calculateStatus), progress.go
// (syncRolloutStatus, requeueStuckDeployment) and util/deployment_util.go (conditions).

import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../client/types.js';
import { maxUnavailable, replicasOf } from './fenceposts.js';

export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasAvailableMessage = 'Deployment has minimum availability.';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';
export const MinimumReplicasUnavailableMessage = 'Deployment does not have minimum availability.';
export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewReplicaSetReason = 'FoundNewReplicaSet';
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const NewReplicaSetAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
export const FailedReplicaSetCreateReason = 'ReplicaSetCreateError';

export const createdNewReplicaSetMessage = (name: string) => `Created new replica set "${name}"`;
export const foundNewReplicaSetMessage = (name: string) => `Found new replica set "${name}"`;
/** The rollout messages name the new ReplicaSet, or the Deployment while there is none. */
type Subject = { kind: 'ReplicaSet' | 'Deployment'; name: string };
export const progressingMessage = ({ kind, name }: Subject) => `${kind} "${name}" is progressing.`;
export const progressedMessage = ({ kind, name }: Subject) => `${kind} "${name}" has successfully progressed.`;
export const timedOutMessage = ({ kind, name }: Subject) => `${kind} "${name}" has timed out progressing.`;
export const failedCreateMessage = (name: string, error: string) =>
  `Failed to create new replica set "${name}": ${error}`;

/** progressDeadlineSeconds at this value means "no deadline" (math.MaxInt32). */
const NoProgressDeadline = 2147483647;

// #region calculate-status
/** Counts summed over all the deployment's ReplicaSets, and the Available condition (calculateStatus). */
export function calculateStatus(
  deployment: Deployment,
  allSets: ReplicaSet[],
  newSet: ReplicaSet | undefined,
  now: Date,
): DeploymentStatus {
  const total = (count: (rs: ReplicaSet) => number | undefined, sets = allSets) =>
    sets.reduce((sum, rs) => sum + (count(rs) ?? 0), 0);
  const available = total((rs) => rs.status?.availableReplicas);
  const status: DeploymentStatus = {
    observedGeneration: deployment.metadata.generation ?? 0,
    replicas: total((rs) => rs.status?.replicas),
    updatedReplicas: total((rs) => rs.status?.replicas, newSet ? [newSet] : []),
    readyReplicas: total((rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    // More available than asked for happens while scaling down: that is none unavailable.
    unavailableReplicas: Math.max(0, total((rs) => rs.spec?.replicas) - available),
    conditions: structuredClone(deployment.status?.conditions ?? []),
  };
  if (deployment.status?.collisionCount !== undefined) status.collisionCount = deployment.status.collisionCount;
  // The counts are `omitempty` in Kubernetes' Go types: a zero is not written at all.
  for (const field of [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const) {
    if (status[field] === 0) delete status[field];
  }
  const spec = deployment.spec ?? {};
  if (available >= replicasOf(spec) - maxUnavailable(spec))
    setCondition(
      status,
      newCondition('Available', 'True', MinimumReplicasAvailable, MinimumReplicasAvailableMessage, now),
    );
  else
    setCondition(
      status,
      newCondition('Available', 'False', MinimumReplicasUnavailable, MinimumReplicasUnavailableMessage, now),
    );
  return status;
}
// #endregion calculate-status

// #region rollout-status
/** calculateStatus plus the Progressing condition a rollout earns (syncRolloutStatus). */
export function rolloutStatus(
  deployment: Deployment,
  allSets: ReplicaSet[],
  newSet: ReplicaSet | undefined,
  now: Date,
): DeploymentStatus {
  const status = calculateStatus(deployment, allSets, newSet, now);
  if (!hasProgressDeadline(deployment))
    status.conditions = status.conditions?.filter((condition) => condition.type !== 'Progressing');
  else setProgressing(deployment, status, newSet, now);
  const failure = replicaFailure(allSets, newSet);
  if (failure) setCondition(status, failure);
  else status.conditions = status.conditions?.filter((condition) => condition.type !== 'ReplicaFailure');
  return status;
}
// #endregion rollout-status

function setProgressing(
  deployment: Deployment,
  status: DeploymentStatus,
  newSet: ReplicaSet | undefined,
  now: Date,
): void {
  const current = getCondition(deployment.status, 'Progressing');
  // A finished rollout stays finished until a new one starts: resyncs estimate nothing.
  if (status.replicas === status.updatedReplicas && current?.reason === NewReplicaSetAvailableReason) return;
  const subject: Subject = newSet
    ? { kind: 'ReplicaSet', name: newSet.metadata.name ?? '' }
    : { kind: 'Deployment', name: deployment.metadata.name ?? '' };
  if (deploymentComplete(deployment, status)) {
    setCondition(
      status,
      newCondition('Progressing', 'True', NewReplicaSetAvailableReason, progressedMessage(subject), now),
    );
  } else if (deploymentProgressing(deployment, status)) {
    // Progress moves lastUpdateTime even when the reason stays the same; the transition time stays.
    const condition = newCondition('Progressing', 'True', ReplicaSetUpdatedReason, progressingMessage(subject), now);
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
    status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Progressing'), condition];
  } else if (deploymentTimedOut(deployment, status, now)) {
    setCondition(status, newCondition('Progressing', 'False', TimedOutReason, timedOutMessage(subject), now));
  }
}

/**
 * The ReplicaFailure a Deployment shows: the new ReplicaSet's if it has one, else the first an
 * old one has (getReplicaFailures). Both times are the ReplicaSet's transition time
 * (ReplicaSetToDeploymentCondition).
 */
export function replicaFailure(allSets: ReplicaSet[], newSet: ReplicaSet | undefined): DeploymentCondition | undefined {
  const failureOf = (rs: ReplicaSet | undefined) =>
    rs?.status?.conditions?.find((condition) => condition.type === 'ReplicaFailure');
  const failure = failureOf(newSet) ?? allSets.map(failureOf).find((condition) => condition !== undefined);
  if (!failure) return undefined;
  const { type, status, reason, message, lastTransitionTime } = failure;
  return { type, status, lastUpdateTime: lastTransitionTime, lastTransitionTime, reason, message };
}

/** Every replica updated and available, and nothing else running (DeploymentComplete). */
export function deploymentComplete(deployment: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = replicasOf(deployment.spec);
  return (
    status?.updatedReplicas === replicas &&
    status.replicas === replicas &&
    status.availableReplicas === replicas &&
    (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0)
  );
}

/** More updated, fewer old, more ready or more available than last time (DeploymentProgressing). */
function deploymentProgressing(deployment: Deployment, status: DeploymentStatus): boolean {
  const old = deployment.status ?? {};
  const oldOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOldReplicas = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOldReplicas < oldOldReplicas ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function deploymentTimedOut(deployment: Deployment, status: DeploymentStatus, now: Date): boolean {
  const condition = getCondition(status, 'Progressing');
  if (!condition || condition.reason === NewReplicaSetAvailableReason) return false;
  if (condition.reason === TimedOutReason) return true;
  return (
    Date.parse(condition.lastUpdateTime ?? '') + (deployment.spec?.progressDeadlineSeconds ?? 0) * 1000 < now.getTime()
  );
}

/**
 * When to look again for a rollout that has not progressed, in milliseconds, or undefined if
 * there is nothing to wait for (requeueStuckDeployment).
 */
export function progressCheckAfterMs(deployment: Deployment, status: DeploymentStatus, now: Date): number | undefined {
  const current = getCondition(deployment.status, 'Progressing');
  if (!hasProgressDeadline(deployment) || !current) return undefined;
  if (deploymentComplete(deployment, status) || current.reason === TimedOutReason) return undefined;
  const after =
    Date.parse(current.lastUpdateTime ?? '') + (deployment.spec?.progressDeadlineSeconds ?? 0) * 1000 - now.getTime();
  // A second more so the deadline has surely passed when the check runs.
  return Math.max(0, after) + 1000;
}

export function hasProgressDeadline(deployment: Deployment): boolean {
  const deadline = deployment.spec?.progressDeadlineSeconds;
  return deadline !== undefined && deadline !== NoProgressDeadline;
}

export function getCondition(
  status: DeploymentStatus | undefined,
  type: DeploymentCondition['type'],
): DeploymentCondition | undefined {
  return status?.conditions?.find((condition) => condition.type === type);
}

export function newCondition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: Date,
): DeploymentCondition {
  const time = `${now.toISOString().slice(0, 19)}Z`;
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

/** Replaces the condition of its type, unless status and reason are unchanged (SetDeploymentCondition). */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}
