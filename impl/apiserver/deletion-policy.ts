// Deletion propagation: the finalizers a delete request leaves on an owner for the garbage collector.
//
// "Kubernetes deletes dependents in the background by default; with foreground cascading
// deletion the owner stays, marked for deletion, until its blocking dependents are gone; with
// orphan the dependents are kept and only lose their owner reference." The API server does
// none of that work. It only turns DeleteOptions.propagationPolicy (or the older
// orphanDependents) into one of two finalizers, `foregroundDeletion` or `orphan`; an owner
// holding one is marked with a deletionTimestamp instead of removed, and the garbage
// collector does the rest and removes the finalizer. Background needs no finalizer: the owner
// goes at once and the collector finds its dependents orphaned.
//
// kubelab serves only resources whose default policy is to delete dependents. Real Kubernetes:
// apiserver/pkg/registry/generic/registry/store.go (deletionFinalizersForGarbageCollection,
// shouldOrphanDependents, shouldDeleteDependents) and apimachinery's ValidateDeleteOptions.

import type { FieldError } from './errors.js';

export const OrphanFinalizer = 'orphan';
export const ForegroundDeletionFinalizer = 'foregroundDeletion';
export const PropagationPolicies = ['Foreground', 'Background', 'Orphan'] as const;
export type PropagationPolicy = (typeof PropagationPolicies)[number];

export interface PropagationOptions {
  propagationPolicy?: string;
  /** The deprecated boolean that came before propagationPolicy. */
  orphanDependents?: boolean;
}

// #region deletion-finalizers
/**
 * The finalizers an object should carry after a delete with these options: the GC finalizers
 * are dropped, then `orphan` or `foregroundDeletion` added back as the request (or, when it says
 * nothing, the finalizer already there) asks. The same list comes back when nothing changes.
 */
export function finalizersForDeletion(finalizers: readonly string[], options: PropagationOptions): string[] {
  const others = finalizers.filter(
    (finalizer) => finalizer !== OrphanFinalizer && finalizer !== ForegroundDeletionFinalizer,
  );
  const wanted = [...others];
  if (shouldOrphanDependents(finalizers, options)) wanted.push(OrphanFinalizer);
  if (shouldDeleteDependentsInForeground(finalizers, options)) wanted.push(ForegroundDeletionFinalizer);
  const isSame = wanted.length === finalizers.length && wanted.every((finalizer) => finalizers.includes(finalizer));
  return isSame ? [...finalizers] : wanted;
}
// #endregion deletion-finalizers

function shouldOrphanDependents(finalizers: readonly string[], options: PropagationOptions): boolean {
  // An explicit request wins, then a finalizer set by an earlier request; the default deletes.
  if (options.orphanDependents !== undefined) return options.orphanDependents;
  if (options.propagationPolicy !== undefined) return options.propagationPolicy === 'Orphan';
  if (finalizers.includes(OrphanFinalizer)) return true;
  return false;
}

function shouldDeleteDependentsInForeground(finalizers: readonly string[], options: PropagationOptions): boolean {
  if (options.orphanDependents !== undefined) return false;
  if (options.propagationPolicy !== undefined) return options.propagationPolicy === 'Foreground';
  return finalizers.includes(ForegroundDeletionFinalizer);
}

/** ValidateDeleteOptions: one policy, named by one of its three values. */
export function validatePropagation(options: PropagationOptions): FieldError[] {
  const errors: FieldError[] = [];
  const policy = options.propagationPolicy;
  if (options.orphanDependents !== undefined && policy !== undefined) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'propagationPolicy',
      value: policy,
      detail: 'orphanDependents and deletionPropagation cannot be both set',
    });
  }
  if (policy !== undefined && !(PropagationPolicies as readonly string[]).includes(policy)) {
    const supported = [...PropagationPolicies, 'nil'].map((value) => `"${value}"`).join(', ');
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'propagationPolicy',
      value: policy,
      detail: `supported values: ${supported}`,
    });
  }
  return errors;
}
