// The ReplicaSet controller: keep exactly `replicas` pods that match the selector.
//
// "A ReplicaSet's purpose is to maintain a stable set of replica Pods running at any given
// time." The controller counts the active pods it owns, adopts orphans its selector matches,
// releases pods that stopped matching, creates pods from the template when there are too few
// and deletes the least valuable ones when there are too many, then writes what it saw to
// status. It acts through the API server only, and never asks which event woke it up: every
// reconcile starts from the cache and the spec.
//
// When creating or deleting fails, status says so with the ReplicaFailure condition, as in
// Kubernetes; an unsolved exercise's stub is such a failure, and shows there too. kubelab skips
// minReadySeconds (available means ready). Real Kubernetes:
// pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, slowStartBatch,
// claimPods / PodControllerRefManager, calculateStatus).

import { isNotFound } from '../../client/api-errors.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { type Informer, keyOf } from '../../client/informer.js';
import { type LabelSelector, selectorMatches } from '../../client/label-selector.js';
import type { Logger } from '../../client/logger.js';
import { ApiError, type RestClient } from '../../client/rest-client.js';
import type { JsonObject, JsonValue, KubeObject, Pod, ReplicaSet } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import { Expectations } from '../expectations.js';
import { controllerOf } from '../../client/owner-references.js';
import { isPodActive, isPodReady, podFromTemplate, podsToDelete } from './pods.js';
import { SlowStartInitialBatchSize, slowStartBatch } from './slow-start.js';

export const SuccessfulCreateReason = 'SuccessfulCreate';
export const SuccessfulDeleteReason = 'SuccessfulDelete';
export const ReplicaFailureCondition = 'ReplicaFailure';
export const FailedCreateReason = 'FailedCreate';
export const FailedDeleteReason = 'FailedDelete';
/** The cause the API server gives when it refuses content in a namespace being deleted. */
export const NamespaceTerminatingCause = 'NamespaceTerminating';
/** At most this many pods are created or deleted in one sync (Kubernetes' BurstReplicas). */
export const BurstReplicas = 500;
const replicaSets = { group: 'apps', resource: 'replicasets' };

export class ReplicaSetController implements Reconciler {
  readonly name = 'replicaset-controller';
  private readonly expectations = new Expectations();
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly sets: Informer<ReplicaSet>,
    private readonly pods: Informer<Pod>,
    private readonly enqueue: (key: string) => void,
    logger: Logger,
  ) {
    this.recorder = new EventRecorder(client, this.name, logger);
    // Handlers only enqueue: a pod maps to its owner through the controller reference.
    this.sets.addEventHandler({
      onAdd: (rs) => this.enqueue(keyOf(rs)),
      onUpdate: (_old, rs) => this.enqueue(keyOf(rs)),
      onDelete: (rs) => this.expectations.forget(keyOf(rs)),
    });
    this.pods.addEventHandler({
      onAdd: (pod) => this.podChanged(pod, 'add'),
      onUpdate: (old, pod) => {
        if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
        this.podChanged(pod);
        // A pod whose labels changed may now belong to another set, or to none.
        if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) this.enqueueMatchingSets(pod);
      },
      onDelete: (pod) => this.podChanged(pod, 'delete'),
    });
  }

  // #region sync-replica-set
  async reconcile(key: string): Promise<Result> {
    // 1. Read from the cache; a deleted ReplicaSet's pods are the garbage collector's business.
    const rs = this.sets.get(key);
    if (!rs) return {};
    // 2. Claim: adopt matching orphans, release owned pods that no longer match.
    const owned = await this.claimPods(rs);
    const active = owned.filter(isPodActive);
    // 3. Act only if the last decision has been seen in the cache, so nothing is done twice.
    let manageReplicasError: unknown;
    if (this.expectations.isSatisfied(key) && !rs.metadata.deletionTimestamp) {
      manageReplicasError = await this.manageReplicas(rs, active).then(
        () => undefined,
        (error: unknown) => error,
      );
    }
    // 4. Write what was observed, and what failed; then retry a failure with backoff.
    await this.updateStatus(rs, active, manageReplicasError);
    if (manageReplicasError !== undefined) throw manageReplicasError;
    return {};
  }
  // #endregion sync-replica-set

  // #region manage-replicas exercise=replicaset-reconcile points=15
  /**
   * Makes the number of active pods equal spec.replicas (1 when unset), at most BurstReplicas
   * at a time. Too few: record that many expected creations, then create them with
   * slowStartBatch, and stop expecting the ones that were not created. Too many: choose them
   * with podsToDelete, record the expected deletions, and delete them all at once. Throws the
   * first failure.
   */
  private async manageReplicas(rs: KubeObject, active: KubeObject[]): Promise<void> {
    const key = keyOf(rs);
    const diff = active.length - Number(rs.spec?.replicas ?? 1);
    if (diff < 0) {
      const count = Math.min(-diff, BurstReplicas);
      this.expectations.expect(key, count, 0);
      const { successes, error } = await slowStartBatch(count, SlowStartInitialBatchSize, () => this.createPod(rs));
      // Pods that failed or were never tried will not show up in the cache: stop waiting for them.
      for (let skipped = count - successes; skipped > 0; skipped--) this.expectations.observedAdd(key);
      if (error !== undefined) throw error;
    } else if (diff > 0) {
      const doomed = podsToDelete(active, this.relatedPods(rs), Math.min(diff, BurstReplicas));
      this.expectations.expect(key, 0, doomed.length);
      const outcomes = await Promise.allSettled(doomed.map((pod) => this.deletePod(rs, pod)));
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    }
  }
  // #endregion manage-replicas

  private async createPod(rs: KubeObject): Promise<void> {
    try {
      const created = await this.client.create(
        { resource: 'pods', namespace: rs.metadata.namespace },
        podFromTemplate(rs),
      );
      await this.recorder.record(rs, 'Normal', SuccessfulCreateReason, `Created pod: ${created.metadata.name}`);
    } catch (error) {
      // A namespace being deleted refuses every create; its ReplicaSet is going too.
      if (
        error instanceof ApiError &&
        error.status.details?.causes?.some((cause) => cause.reason === NamespaceTerminatingCause)
      )
        return;
      await this.recorder.record(rs, 'Warning', FailedCreateReason, `Error creating: ${messageOf(error)}`);
      throw error;
    }
  }

  private async deletePod(rs: KubeObject, pod: KubeObject): Promise<void> {
    try {
      await this.client.delete({ resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name });
      await this.recorder.record(rs, 'Normal', SuccessfulDeleteReason, `Deleted pod: ${pod.metadata.name}`);
    } catch (error) {
      // The deletion will never show up in the cache: stop expecting it. A pod already gone is
      // what was wanted.
      this.expectations.observedDelete(keyOf(rs));
      if (isNotFound(error)) return;
      await this.recorder.record(rs, 'Warning', FailedDeleteReason, `Error deleting: ${messageOf(error)}`);
      throw error;
    }
  }

  /** The pods this set owns after adopting orphans and releasing pods that stopped matching. */
  private async claimPods(rs: KubeObject): Promise<KubeObject[]> {
    const selector = rs.spec?.selector as LabelSelector | undefined;
    const owned: KubeObject[] = [];
    for (const pod of this.pods.byIndex('namespace', rs.metadata.namespace ?? '')) {
      const owner = controllerOf(pod);
      const isMatching = selectorMatches(selector, pod.metadata.labels);
      if (owner?.uid === rs.metadata.uid) {
        if (isMatching) owned.push(pod);
        else await this.setController(pod, undefined);
      } else if (!owner && isMatching && isPodActive(pod) && !rs.metadata.deletionTimestamp) {
        await this.setController(pod, rs);
        owned.push(pod);
      }
    }
    return owned;
  }

  /** Adopt (owner given) or release (no owner) a pod, with a patch guarded by its uid. */
  private async setController(pod: KubeObject, rs: KubeObject | undefined): Promise<void> {
    const others = (pod.metadata.ownerReferences ?? []).filter((reference) => !reference.controller);
    const ownerReferences = rs
      ? [
          ...others,
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata.name ?? '',
            uid: rs.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ]
      : others;
    const patch = { metadata: { ownerReferences } } as unknown as JsonValue;
    await this.client.patch({ resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name }, patch);
  }

  /**
   * The pods of every ReplicaSet with the same controller (a Deployment's old and new sets), which
   * rank the pods to delete; a ReplicaSet without a controller has none.
   */
  private relatedPods(rs: KubeObject): KubeObject[] {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const sets = this.sets
      .byIndex('namespace', rs.metadata.namespace ?? '')
      .filter((other) => controllerOf(other)?.uid === owner.uid);
    const pods = this.pods.byIndex('namespace', rs.metadata.namespace ?? '');
    return pods.filter((pod) =>
      sets.some((other) => selectorMatches(other.spec?.selector as LabelSelector | undefined, pod.metadata.labels)),
    );
  }

  // #region calculate-status
  private async updateStatus(rs: KubeObject, active: KubeObject[], manageReplicasError: unknown): Promise<void> {
    const ready = active.filter(isPodReady).length;
    const counts = {
      replicas: active.length,
      fullyLabeledReplicas: active.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 0,
    };
    const conditions = replicaFailureConditions(rs, active, manageReplicasError);
    const status: JsonObject = { ...rs.status, ...counts };
    if (conditions) status.conditions = conditions;
    else delete status.conditions;
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return;
    await this.client.update(
      { ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name, subresource: 'status' },
      { ...structuredClone(rs), status },
    );
  }
  // #endregion calculate-status

  private podChanged(pod: KubeObject, change?: 'add' | 'delete'): void {
    const owner = controllerOf(pod);
    if (owner?.kind !== 'ReplicaSet') {
      if (!owner) this.enqueueMatchingSets(pod);
      return;
    }
    const key = `${pod.metadata.namespace}/${owner.name}`;
    if (change === 'add') this.expectations.observedAdd(key);
    if (change === 'delete' || (pod.metadata.deletionTimestamp && change !== 'add'))
      this.expectations.observedDelete(key);
    this.enqueue(key);
  }

  /** An orphan (or a pod whose labels changed) concerns every set whose selector matches it. */
  private enqueueMatchingSets(pod: KubeObject): void {
    for (const rs of this.sets.byIndex('namespace', pod.metadata.namespace ?? '')) {
      if (
        selectorMatches(rs.spec?.selector as LabelSelector | undefined, pod.metadata.labels) ||
        controllerOf(pod)?.uid === rs.metadata.uid
      )
        this.enqueue(keyOf(rs));
    }
  }
}

/**
 * The status conditions after a sync: a failure to create or delete adds ReplicaFailure (kept
 * as first written while failures go on), a sync without failure removes it.
 */
export function replicaFailureConditions(
  rs: KubeObject,
  active: KubeObject[],
  manageReplicasError: unknown,
  now = new Date(),
): JsonObject[] | undefined {
  const conditions = Array.isArray(rs.status?.conditions) ? (rs.status.conditions as JsonObject[]) : undefined;
  const failure = conditions?.find((condition) => condition.type === ReplicaFailureCondition);
  if (manageReplicasError !== undefined && !failure) {
    const diff = active.length - Number(rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? FailedCreateReason : diff > 0 ? FailedDeleteReason : '';
    const condition = {
      type: ReplicaFailureCondition,
      status: 'True',
      lastTransitionTime: now.toISOString().replace(/\.\d+Z$/, 'Z'),
      reason,
      message: messageOf(manageReplicasError),
    };
    return [...(conditions ?? []), condition];
  }
  if (manageReplicasError === undefined && failure) {
    const others = (conditions ?? []).filter((condition) => condition !== failure);
    return others.length > 0 ? others : undefined;
  }
  return conditions;
}

/** What the API server said (`pods "web-" is forbidden: ...`), as Kubernetes' err.Error() reads. */
function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.status.message) return error.status.message;
  return error instanceof Error ? error.message : String(error);
}
