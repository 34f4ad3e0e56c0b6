// The ReplicaSet controller: keep exactly `replicas` pods that match the selector.
//
// "A ReplicaSet's purpose is to maintain a stable set of replica Pods running at any given
// time." The controller counts the active pods it owns, adopts orphans its selector matches,
// releases pods that stopped matching, creates pods from the template when there are too few
// and deletes the least valuable ones when there are too many, then writes what it saw to
// status. It acts through the API server only, and never asks which event woke it up: every
// reconcile starts from the cache and the spec.
//
// kubelab creates pods in one batch and skips minReadySeconds. Real Kubernetes:
// pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
// claimPods / PodControllerRefManager, calculateStatus).

import { EventRecorder } from '../../client/event-recorder.js';
import { type Informer, keyOf } from '../../client/informer.js';
import { type LabelSelector, selectorMatches } from '../../client/label-selector.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { JsonValue, KubeObject } from '../../client/types.js';
import type { Reconciler, Result } from '../controller.js';
import { Expectations } from '../expectations.js';
import { controllerOf, isPodActive, isPodReady, podFromTemplate, podsToDelete } from './pods.js';

export const SuccessfulCreateReason = 'SuccessfulCreate';
export const SuccessfulDeleteReason = 'SuccessfulDelete';
const replicaSets = { group: 'apps', resource: 'replicasets' };

export class ReplicaSetController implements Reconciler {
  readonly name = 'replicaset-controller';
  private readonly expectations = new Expectations();
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly sets: Informer<KubeObject>,
    private readonly pods: Informer<KubeObject>,
    private readonly enqueue: (key: string) => void,
    logger: Logger,
  ) {
    this.recorder = new EventRecorder(client, this.name, logger);
    // Handlers only enqueue: a pod maps to its owner through the controller reference.
    this.sets.addEventHandler({ onAdd: (rs) => this.enqueue(keyOf(rs)), onUpdate: (_old, rs) => this.enqueue(keyOf(rs)), onDelete: (rs) => this.expectations.forget(keyOf(rs)) });
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
    if (this.expectations.isSatisfied(key) && !rs.metadata.deletionTimestamp) await this.manageReplicas(rs, active);
    // 4. Write what was observed.
    await this.updateStatus(rs, active);
    return {};
  }
  // #endregion sync-replica-set

  // #region manage-replicas
  private async manageReplicas(rs: KubeObject, active: KubeObject[]): Promise<void> {
    const key = keyOf(rs);
    const diff = active.length - Number(rs.spec?.replicas ?? 1);
    if (diff < 0) {
      this.expectations.expect(key, -diff, 0);
      await Promise.all(Array.from({ length: -diff }, () => this.createPod(rs)));
    } else if (diff > 0) {
      const podsOnNode = new Map<string, number>();
      for (const pod of active) podsOnNode.set(String(pod.spec?.nodeName ?? ''), (podsOnNode.get(String(pod.spec?.nodeName ?? '')) ?? 0) + 1);
      const doomed = podsToDelete(active, diff, podsOnNode);
      this.expectations.expect(key, 0, doomed.length);
      await Promise.all(doomed.map((pod) => this.deletePod(rs, pod)));
    }
  }
  // #endregion manage-replicas

  private async createPod(rs: KubeObject): Promise<void> {
    try {
      const created = await this.client.create({ resource: 'pods', namespace: rs.metadata.namespace }, podFromTemplate(rs));
      await this.recorder.record(rs, 'Normal', SuccessfulCreateReason, `Created pod: ${created.metadata.name}`);
    } catch (error) {
      // The pod will never show up in the cache: stop expecting it.
      this.expectations.observedAdd(keyOf(rs));
      throw error;
    }
  }

  private async deletePod(rs: KubeObject, pod: KubeObject): Promise<void> {
    try {
      await this.client.delete({ resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name });
      await this.recorder.record(rs, 'Normal', SuccessfulDeleteReason, `Deleted pod: ${pod.metadata.name}`);
    } catch (error) {
      this.expectations.observedDelete(keyOf(rs));
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
    const ownerReferences = rs ? [...others, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name ?? '', uid: rs.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] : others;
    const patch = { metadata: { ownerReferences } } as unknown as JsonValue;
    await this.client.patch({ resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name }, patch);
  }

  private async updateStatus(rs: KubeObject, active: KubeObject[]): Promise<void> {
    const ready = active.filter(isPodReady).length;
    const status = { ...rs.status, replicas: active.length, fullyLabeledReplicas: active.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation ?? 0 };
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return;
    await this.client.update({ ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name, subresource: 'status' }, { ...structuredClone(rs), status });
  }

  private podChanged(pod: KubeObject, change?: 'add' | 'delete'): void {
    const owner = controllerOf(pod);
    if (owner?.kind !== 'ReplicaSet') {
      if (!owner) this.enqueueMatchingSets(pod);
      return;
    }
    const key = `${pod.metadata.namespace}/${owner.name}`;
    if (change === 'add') this.expectations.observedAdd(key);
    if (change === 'delete' || (pod.metadata.deletionTimestamp && change !== 'add')) this.expectations.observedDelete(key);
    this.enqueue(key);
  }

  /** An orphan (or a pod whose labels changed) concerns every set whose selector matches it. */
  private enqueueMatchingSets(pod: KubeObject): void {
    for (const rs of this.sets.byIndex('namespace', pod.metadata.namespace ?? '')) {
      if (selectorMatches(rs.spec?.selector as LabelSelector | undefined, pod.metadata.labels) || controllerOf(pod)?.uid === rs.metadata.uid) this.enqueue(keyOf(rs));
    }
  }
}
