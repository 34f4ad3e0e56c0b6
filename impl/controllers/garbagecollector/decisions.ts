// The garbage collector's decisions: given what an object's owners look like, what to do with it.
//
// "An object whose owners are all gone is deleted; one that still has a live owner is kept, and
// only loses its references to the owners that are gone." Each owner reference is classified
// from a fresh read of the owner: solid (exists, the same uid, not waiting), dangling (not
// found, or a different object now has its name), or waiting for its dependents' deletion (a
// foreground deletion in progress). The decision follows in that order; a dependent deleted
// because of a waiting owner is itself deleted in the foreground when it has dependents, so
// the deletion cascades down before it comes back up.
//
// Pure functions, tested table-driven. Real Kubernetes: pkg/controller/garbagecollector/
// garbagecollector.go (attemptToDeleteItem, classifyReferences, isDangling).

import type { KubeObject, OwnerReference } from '../../client/types.js';

/** metav1.FinalizerOrphanDependents and FinalizerDeleteDependents, the API server's deletion finalizers. */
export const OrphanFinalizer = 'orphan';
export const ForegroundDeletionFinalizer = 'foregroundDeletion';

export type OwnerState = 'solid' | 'dangling' | 'waitingForDependentsDeletion';
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export type Decision =
  | { action: 'keep' }
  | { action: 'removeOwnerReferences'; uids: string[] }
  | { action: 'delete'; policy: PropagationPolicy; unblockOwnersFirst: boolean };

// #region classify-reference
/** An owner reference judged against the owner as the API server has it now (undefined: not found). */
export function ownerState(reference: OwnerReference, owner: KubeObject | undefined): OwnerState {
  if (!owner || owner.metadata.uid !== reference.uid) return 'dangling';
  const isWaiting =
    Boolean(owner.metadata.deletionTimestamp) &&
    (owner.metadata.finalizers ?? []).includes(ForegroundDeletionFinalizer);
  return isWaiting ? 'waitingForDependentsDeletion' : 'solid';
}
// #endregion classify-reference

export interface DependentFacts {
  /** Each owner reference with the state of its owner. */
  owners: Array<{ reference: OwnerReference; state: OwnerState }>;
  /** The dependent's own finalizers: they set the policy of its deletion. */
  finalizers: string[];
  /** Whether the dependent has dependents of its own, and whether one of those is itself deleting its dependents. */
  hasDependents: boolean;
  hasDependentDeletingDependents: boolean;
}

// #region attempt-to-delete
export function attemptToDeleteDecision(facts: DependentFacts): Decision {
  const uidsIn = (state: OwnerState) =>
    facts.owners.filter((owner) => owner.state === state).map((owner) => owner.reference.uid);
  const solid = uidsIn('solid');
  const dangling = uidsIn('dangling');
  const waiting = uidsIn('waitingForDependentsDeletion');
  // 1. A live owner keeps the object; references to owners that are gone or going are dropped.
  if (solid.length > 0)
    return dangling.length + waiting.length === 0
      ? { action: 'keep' }
      : { action: 'removeOwnerReferences', uids: [...dangling, ...waiting] };
  // 2. An owner deleting in the foreground, and dependents below: cascade the foreground down.
  //    A dependent also deleting its dependents could wait for us: stop blocking first (a cycle guard).
  if (waiting.length > 0 && facts.hasDependents)
    return { action: 'delete', policy: 'Foreground', unblockOwnersFirst: facts.hasDependentDeletingDependents };
  // 3. No owner left: delete it, honouring a deletion policy it already carries.
  const policy: PropagationPolicy = facts.finalizers.includes(OrphanFinalizer)
    ? 'Orphan'
    : facts.finalizers.includes(ForegroundDeletionFinalizer)
      ? 'Foreground'
      : 'Background';
  return { action: 'delete', policy, unblockOwnersFirst: false };
}
// #endregion attempt-to-delete

/** The owner references without the given uids (the patch GenerateDeleteOwnerRefStrategicMergeBytes makes). */
export function withoutOwners(references: readonly OwnerReference[], uids: readonly string[]): OwnerReference[] {
  return references.filter((reference) => !uids.includes(reference.uid));
}

/** The owner references with blockOwnerDeletion turned off (unblockOwnerReferencesStrategicMergePatch). */
export function unblocked(references: readonly OwnerReference[]): OwnerReference[] {
  return references.map((reference) =>
    reference.blockOwnerDeletion ? { ...reference, blockOwnerDeletion: false } : reference,
  );
}
