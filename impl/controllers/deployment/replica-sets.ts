// A Deployment's ReplicaSets: which one is new, what it looks like, and its revision.
//
// "A Deployment's rollout is triggered if and only if the Deployment's Pod template is changed."
// Each pod template the Deployment ever had is kept as a ReplicaSet named `<deployment>-<hash>`;
// the one whose template equals the Deployment's (ignoring the hash label) is the new one, all
// others are old. Every ReplicaSet carries its revision in `deployment.kubernetes.io/revision`:
// the new one always gets the highest, so rolling back to an old template makes that old
// ReplicaSet new again, with a bumped revision and its former one kept in revision-history.
// `kubectl rollout history` and `kubectl rollout undo` read exactly these annotations.
//
// Real Kubernetes: pkg/controller/deployment/sync.go (getNewReplicaSet, cleanupDeployment) and
// util/deployment_util.go (FindNewReplicaSet, EqualIgnoreHash, SetNewReplicaSetAnnotations,
// SetReplicasAnnotations, MaxRevision).

import { canonicalJson } from '../../client/canonical-json.js';
import { newControllerRef } from '../../client/owner-references.js';
import type { Deployment, OwnerReference, PodTemplateSpec, ReplicaSet } from '../../client/types.js';
import { maxSurge, replicasOf } from './fenceposts.js';
import { podTemplateHash } from './pod-template-hash.js';
import { byCreation } from './rolling-update.js';
import type { ScaledSetCounts } from './scaling.js';

export const PodTemplateHashLabel = 'pod-template-hash';
export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
const DeprecatedRollbackToAnnotation = 'deprecated.deployment.rollback.to';
/** revision-history keeps the most recent revisions that fit in this many characters. */
const MaxRevisionHistoryLengthInChars = 2000;

/** Annotations that belong to the Deployment or the ReplicaSet alone, never copied across. */
const annotationsToSkip = new Set([
  LastAppliedConfigAnnotation,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  DeprecatedRollbackToAnnotation,
]);

/** The revision annotation as a number; 0 when absent or not a number. */
export function revisionOf(object: { metadata: { annotations?: Record<string, string> } }): number {
  const revision = Number(object.metadata.annotations?.[RevisionAnnotation] ?? 0);
  return Number.isInteger(revision) ? revision : 0;
}

export function maxRevision(sets: ReplicaSet[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/**
 * Same template, ignoring the pod-template-hash label (EqualIgnoreHash). As Kubernetes' semantic
 * equality does, an empty map or list equals a missing one: a template that went through a
 * client's typed structs (kubectl rollout undo) comes back with `{}` where it had nothing.
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutEmpty(withoutHash(a))) === canonicalJson(withoutEmpty(withoutHash(b)));
}

/** The oldest ReplicaSet whose template is the Deployment's: the new one (FindNewReplicaSet). */
export function findNewReplicaSet(deployment: Deployment, sets: ReplicaSet[]): ReplicaSet | undefined {
  return [...sets]
    .sort((a, b) => byCreation(countsOf(a), countsOf(b)))
    .find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
}

// #region new-replica-set
/** `<deployment>-<pod-template-hash>`: the same template always gets the same name. */
export function newReplicaSetName(deployment: Deployment): string {
  return `${deployment.metadata.name}-${templateHashOf(deployment)}`;
}

/** The ReplicaSet for the Deployment's current template, before it is created (getNewReplicaSet). */
export function newReplicaSetFor(deployment: Deployment, revision: number, replicas: number): ReplicaSet {
  const hash = templateHashOf(deployment);
  const template = structuredClone(deployment.spec?.template ?? {});
  const labels = { ...template.metadata?.labels, [PodTemplateHashLabel]: hash };
  template.metadata = { ...template.metadata, labels };
  const selector = structuredClone(deployment.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [PodTemplateHashLabel]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: newReplicaSetName(deployment),
      namespace: deployment.metadata.namespace,
      labels: { ...labels },
      ownerReferences: [controllerReference(deployment)],
    },
    spec: { replicas, selector, template },
  };
  // minReadySeconds 0 is left out, as Go's omitempty leaves it out.
  if (deployment.spec?.minReadySeconds) rs.spec = { ...rs.spec, minReadySeconds: deployment.spec.minReadySeconds };
  syncReplicaSetAnnotations(deployment, rs, revision, false);
  return rs;
}
// #endregion new-replica-set

/**
 * Copies the Deployment's own annotations onto `rs` and raises its revision to `revision` if it
 * is lower, keeping the former revision in revision-history; a ReplicaSet being created also
 * gets its size annotations. True if anything changed (SetNewReplicaSetAnnotations).
 */
export function syncReplicaSetAnnotations(
  deployment: Deployment,
  rs: ReplicaSet,
  revision: number,
  exists: boolean,
): boolean {
  const annotations = { ...rs.metadata.annotations };
  let isChanged = false;
  for (const [key, value] of Object.entries(deployment.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    isChanged = true;
  }
  const oldRevision = annotations[RevisionAnnotation];
  if (revisionOf(rs) < revision) {
    annotations[RevisionAnnotation] = String(revision);
    isChanged = true;
    // A ReplicaSet that had a revision and gets a higher one is being rolled back to: keep the old.
    if (oldRevision !== undefined)
      annotations[RevisionHistoryAnnotation] = appendRevisionHistory(
        annotations[RevisionHistoryAnnotation],
        oldRevision,
      );
  }
  rs.metadata.annotations = annotations;
  if (!exists && setReplicasAnnotations(deployment, rs)) isChanged = true;
  return isChanged;
}

/** Records the deployment size `rs` is being sized for; true if that changed (SetReplicasAnnotations). */
export function setReplicasAnnotations(deployment: Deployment, rs: ReplicaSet): boolean {
  const desired = String(replicasOf(deployment.spec));
  const max = String(replicasOf(deployment.spec) + maxSurge(deployment.spec ?? {}));
  const annotations = rs.metadata.annotations ?? {};
  if (annotations[DesiredReplicasAnnotation] === desired && annotations[MaxReplicasAnnotation] === max) return false;
  rs.metadata.annotations = { ...annotations, [DesiredReplicasAnnotation]: desired, [MaxReplicasAnnotation]: max };
  return true;
}

// #region cleanup
/**
 * The old ReplicaSets past revisionHistoryLimit that can go: the lowest revisions first, and
 * only those fully scaled down and seen so by their controller (cleanupDeployment).
 */
export function replicaSetsToCleanUp(deployment: Deployment, oldSets: ReplicaSet[]): ReplicaSet[] {
  const limit = deployment.spec?.revisionHistoryLimit;
  if (limit === undefined) return [];
  const alive = oldSets.filter((rs) => !rs.metadata.deletionTimestamp);
  const excess = alive.length - limit;
  if (excess <= 0) return [];
  const lowestFirst = alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(countsOf(a), countsOf(b)));
  return lowestFirst
    .slice(0, excess)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        (rs.spec?.replicas ?? 0) === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0),
    );
}
// #endregion cleanup

/** The numbers the replica arithmetic works on. */
export function countsOf(rs: ReplicaSet): ScaledSetCounts {
  const annotations = rs.metadata.annotations ?? {};
  const desired = Number.parseInt(annotations[DesiredReplicasAnnotation] ?? '', 10);
  const max = Number.parseInt(annotations[MaxReplicasAnnotation] ?? '', 10);
  return {
    name: rs.metadata.name ?? '',
    replicas: rs.spec?.replicas ?? 1,
    availableReplicas: rs.status?.availableReplicas ?? 0,
    createdAt: rs.metadata.creationTimestamp ?? '',
    statusReplicas: rs.status?.replicas ?? 0,
    desiredReplicas: Number.isNaN(desired) ? undefined : desired,
    maxReplicas: Number.isNaN(max) ? undefined : max,
  };
}

export function controllerReference(deployment: Deployment): OwnerReference {
  return newControllerRef(deployment, 'apps/v1', 'Deployment');
}

function templateHashOf(deployment: Deployment): string {
  return podTemplateHash(deployment.spec?.template ?? {}, deployment.status?.collisionCount);
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(template ?? {});
  if (copy.metadata?.labels) {
    const { [PodTemplateHashLabel]: _hash, ...labels } = copy.metadata.labels;
    copy.metadata.labels = labels;
  }
  return copy;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([key, field]) => [key, withoutEmpty(field)] as const)
    .filter(([, field]) => field !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** "1,3" plus "4" is "1,3,4"; the oldest entries go when the list outgrows its limit. */
function appendRevisionHistory(history: string | undefined, revision: string): string {
  const revisions = history ? [...history.split(','), revision] : [revision];
  while (revisions.length > 1 && revisions.join(',').length > MaxRevisionHistoryLengthInChars) revisions.shift();
  return revisions.join(',');
}
