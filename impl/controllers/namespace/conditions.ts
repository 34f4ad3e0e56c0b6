// Namespace deletion conditions: what a Terminating namespace says about why it is still there.
//
// "While a namespace is being deleted, its status conditions tell whether discovery, deleting
// the content, or waiting for content and finalizers is holding it up." The namespace
// controller keeps five conditions, each False (all is well, with a fixed reason and message)
// or True (something remains or failed, with a message listing what). `kubectl describe ns`
// shows them; a namespace stuck in Terminating is explained here, e.g. `Some content in the
// namespace has finalizers remaining: example.com/hold in 1 resource instances`.
//
// Real Kubernetes: pkg/controller/namespace/deletion/status_condition_utils.go
// (conditionTypes, okMessages, okReasons, ProcessContentTotals, updateConditions).

export type NamespaceCondition = {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime?: string;
  reason: string;
  message: string;
};

/** The five condition types, in the order the controller adds them. */
export const NamespaceConditionTypes = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;
type ConditionType = (typeof NamespaceConditionTypes)[number];

const okReasons: Record<ConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: 'ResourcesDiscovered',
  NamespaceDeletionGroupVersionParsingFailure: 'ParsedGroupVersions',
  NamespaceDeletionContentFailure: 'ContentDeleted',
  NamespaceContentRemaining: 'ContentRemoved',
  NamespaceFinalizersRemaining: 'ContentHasNoFinalizers',
};
const okMessages: Record<ConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: 'All resources successfully discovered',
  NamespaceDeletionGroupVersionParsingFailure: 'All legacy kube types successfully parsed',
  NamespaceDeletionContentFailure: 'All content successfully deleted, may be waiting on finalization',
  NamespaceContentRemaining: 'All content successfully removed',
  NamespaceFinalizersRemaining: 'All content-preserving finalizers finished',
};

/** What one pass over the namespace's content found. */
export interface DeletionPass {
  discoveryError?: string;
  deleteErrors: string[];
  /** Objects left, by `<resource>.<group>` (`pods.` for the core group, as Kubernetes prints it). */
  remaining: Map<string, number>;
  /** Objects left, by the finalizer holding them. */
  finalizers: Map<string, number>;
}

// #region deletion-conditions
/** The condition each type should have after this pass: True with the reason, or the ok variant. */
export function deletionConditions(pass: DeletionPass): NamespaceCondition[] {
  const failing = new Map<ConditionType, Omit<NamespaceCondition, 'type' | 'status'>>();
  if (pass.discoveryError)
    failing.set('NamespaceDeletionDiscoveryFailure', { reason: 'DiscoveryFailed', message: pass.discoveryError });
  if (pass.deleteErrors.length > 0) {
    const errors = [...pass.deleteErrors].sort().join(', ');
    failing.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${pass.deleteErrors.length} remaining: ${errors}`,
    });
  }
  const remaining = listCounts(pass.remaining, (resource, count) => `${resource} has ${count} resource instances`);
  if (remaining)
    failing.set('NamespaceContentRemaining', {
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${remaining}`,
    });
  const held = listCounts(pass.finalizers, (finalizer, count) => `${finalizer} in ${count} resource instances`);
  if (held)
    failing.set('NamespaceFinalizersRemaining', {
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${held}`,
    });
  return NamespaceConditionTypes.map((type) => {
    const failure = failing.get(type);
    return failure
      ? { type, status: 'True', ...failure }
      : { type, status: 'False', reason: okReasons[type], message: okMessages[type] };
  });
}
// #endregion deletion-conditions

/**
 * The status conditions after this pass: a new condition is appended, a changed one updated in
 * place (its lastTransitionTime moves only when its status does). Undefined when nothing changes.
 */
export function updateConditions(
  current: readonly NamespaceCondition[],
  wanted: readonly NamespaceCondition[],
  now: string,
): NamespaceCondition[] | undefined {
  const next = current.map((condition) => ({ ...condition }));
  let isChanged = false;
  for (const condition of wanted) {
    const old = next.find((candidate) => candidate.type === condition.type);
    if (!old) {
      next.push({ ...condition, lastTransitionTime: now });
      isChanged = true;
    } else if (
      old.status !== condition.status ||
      old.reason !== condition.reason ||
      old.message !== condition.message
    ) {
      if (old.status !== condition.status) old.lastTransitionTime = now;
      Object.assign(old, { status: condition.status, reason: condition.reason, message: condition.message });
      isChanged = true;
    }
  }
  return isChanged ? next : undefined;
}

/** `a has 1 ..., b has 2 ...`, sorted for stable updates; empty when nothing is counted. */
function listCounts(counts: Map<string, number>, describe: (name: string, count: number) => string): string {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([name, count]) => describe(name, count))
    .sort()
    .join(', ');
}
