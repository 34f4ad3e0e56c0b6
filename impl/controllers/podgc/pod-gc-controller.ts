// The pod garbage collector: force-delete the pods no kubelet will ever finish.
//
// "When a node is deleted, the pod garbage collector deletes the pods that were bound to it."
// Every check period (20 s) the controller reads every pod and node from its cache and applies
// the rules in decisions.ts. A node missing from the cache is first put in quarantine (40 s:
// the cache may just be behind) and then confirmed gone with a GET through the API server.
// Each doomed pod is first marked Failed (with a DisruptionTarget condition when orphaned),
// since no kubelet is left to write its last phase, then deleted with grace period 0.
//
// kubelab runs the periodic check as one work-queue key that requeues itself, so it shares
// the retry policy of every other loop. Real Kubernetes: pkg/controller/podgc/gc_controller.go
// (gc, gcOrphaned, discoverDeletedNodes, markFailedAndDeletePodWithCondition).

import { isConflict, isNotFound } from '../../client/api-errors.js';
import type { Informer } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { JsonValue, Node, Pod, PodCondition } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import {
  missingNodeNames,
  OrphanedPodCondition,
  orphanedPods,
  terminatedPodsOverThreshold,
  terminatingOutOfServicePods,
  unscheduledTerminatingPods,
} from './decisions.js';

/** The one key the periodic check runs under. */
export const PodGcKey = 'pod-gc';

export interface PodGcTimings {
  /** How often the whole check runs (gcCheckPeriod, 20 s). */
  checkPeriodMs: number;
  /** How long a node may be missing from the cache before it is looked up (quarantineTime, 40 s). */
  quarantineMs: number;
  /** Finished pods kept before the oldest go (--terminated-pod-gc-threshold, 12500; 0 disables). */
  terminatedPodThreshold: number;
}

export const DefaultPodGcTimings: PodGcTimings = {
  checkPeriodMs: 20_000,
  quarantineMs: 40_000,
  terminatedPodThreshold: 12_500,
};

export class PodGcController implements Reconciler {
  readonly name = 'pod-garbage-collector';
  /** When each missing node was first seen missing. */
  private readonly missingSince = new Map<string, number>();

  constructor(
    private readonly client: RestClient,
    private readonly pods: Informer<Pod>,
    private readonly nodes: Informer<Node>,
    private readonly timings: PodGcTimings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  // #region pod-gc
  async reconcile(): Promise<Result> {
    const pods = this.pods.list() as Pod[];
    const nodes = this.nodes.list() as Node[];
    for (const pod of terminatedPodsOverThreshold(pods, this.timings.terminatedPodThreshold))
      await this.markFailedAndDelete(pod);
    for (const pod of terminatingOutOfServicePods(pods, nodes)) await this.markFailedAndDelete(pod);
    const deletedNodes = await this.deletedNodes(missingNodeNames(pods, nodes));
    for (const pod of orphanedPods(pods, deletedNodes)) {
      await this.markFailedAndDelete(pod, OrphanedPodCondition);
      this.logger.info('Forced deletion of orphaned Pod succeeded', {
        pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
        node: pod.spec.nodeName,
      });
    }
    for (const pod of unscheduledTerminatingPods(pods)) await this.markFailedAndDelete(pod);
    return { requeueAfterMs: this.timings.checkPeriodMs };
  }
  // #endregion pod-gc

  /** Of the nodes missing from the cache, those missing for a whole quarantine that the API server says are gone. */
  private async deletedNodes(missing: Set<string>): Promise<Set<string>> {
    for (const name of this.missingSince.keys()) if (!missing.has(name)) this.missingSince.delete(name);
    const deleted = new Set<string>();
    for (const name of missing) {
      const since = this.missingSince.get(name) ?? this.now();
      this.missingSince.set(name, since);
      if (this.now() - since >= this.timings.quarantineMs && !(await this.nodeExists(name))) deleted.add(name);
    }
    return deleted;
  }

  private async nodeExists(name: string): Promise<boolean> {
    try {
      await this.client.get({ resource: 'nodes', name });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** No kubelet will write the pod's last phase, so write Failed first; then delete it at once. */
  private async markFailedAndDelete(pod: Pod, condition?: PodCondition): Promise<void> {
    const ref = { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name };
    this.logger.info('PodGC is force deleting Pod', { pod: `${pod.metadata.namespace}/${pod.metadata.name}` });
    try {
      if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') {
        const conditions = condition
          ? [
              ...(pod.status?.conditions ?? []).filter((c) => c.type !== condition.type),
              { ...condition, lastTransitionTime: isoSeconds(this.now()) },
            ]
          : pod.status?.conditions;
        const patch = { status: { phase: 'Failed', ...(conditions ? { conditions } : {}) } } as unknown as JsonValue;
        await this.client.patch({ ...ref, subresource: 'status' }, patch);
      }
      await this.client.delete(ref, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid ?? '' } });
    } catch (error) {
      // Gone meanwhile (404), or replaced by a pod of the same name (409 on the uid): nothing to collect.
      if (isNotFound(error) || isConflict(error)) return;
      throw error;
    }
  }
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
