// The taint-eviction controller: delete the pods a node's NoExecute taints no longer allow.
//
// "Pods on a node tainted NoExecute are evicted after their toleration seconds (with the
// default tolerations the API server adds, 300 s for not-ready and unreachable), so replica
// sets recreate them elsewhere." For each pod on a tainted node the controller computes how
// long the pod may stay (eviction.ts), counted from when it first saw the pod there tainted,
// and comes back at that time to mark the pod with a DisruptionTarget condition and delete
// it. A taint removed in time cancels the eviction. The deletion is an ordinary graceful one:
// on a dead node the pod stays Terminating, but it no longer counts for its ReplicaSet.
//
// kubelab keys the work by pod and requeues it for the deadline, where Kubernetes keeps a
// timed worker per pod. Real Kubernetes: pkg/controller/tainteviction/taint_eviction.go
// (handleNodeUpdate, handlePodUpdate, processPodOnNode, addConditionAndDeletePod).

import { isConflict, isNotFound } from '../../client/api-errors.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { type Informer, keyOf } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { JsonValue, KubeObject, Node, Pod, PodCondition } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import { evictionDeadline, evictionDelaySeconds, noExecuteTaints } from './eviction.js';

export const TaintManagerEvictionReason = 'TaintManagerEviction';
export const markingForDeletionMessage = (pod: string) => `Marking for deletion Pod ${pod}`;
export const cancellingDeletionMessage = (pod: string) => `Cancelling deletion of Pod ${pod}`;
export const DisruptionTargetCondition: PodCondition = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'DeletionByTaintManager',
  message: 'Taint manager: deleting due to NoExecute taint',
};
export const NodeNameIndex = 'spec.nodeName';

export class TaintEvictionController implements Reconciler {
  readonly name = 'taint-eviction-controller';
  /** When each pod was first seen on a node whose NoExecute taints it does not tolerate forever. */
  private readonly firstSeenTainted = new Map<string, number>();
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly pods: Informer<Pod>,
    private readonly nodes: Informer<Node>,
    private readonly enqueue: (key: string) => void,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.recorder = new EventRecorder(client, this.name, logger);
    this.pods.addIndex(NodeNameIndex, (pod) => [String(pod.spec?.nodeName ?? '')]);
    // Handlers only enqueue pod keys: a node's change concerns every pod bound to it.
    this.pods.addEventHandler({
      onAdd: (pod) => this.podChanged(pod),
      onUpdate: (_old, pod) => this.podChanged(pod),
      onDelete: (pod) => this.firstSeenTainted.delete(keyOf(pod)),
    });
    this.nodes.addEventHandler({
      onAdd: (node) => this.nodeChanged(node),
      onUpdate: (_old, node) => this.nodeChanged(node),
      onDelete: (node) => this.nodeChanged(node),
    });
  }

  // #region process-pod-on-node
  async reconcile(key: string): Promise<Result> {
    // 1. Read the pod and its node from the cache; a pod gone, unbound or already being deleted is done.
    const pod = this.pods.get(key) as Pod | undefined;
    const node = pod?.spec.nodeName ? (this.nodes.get(pod.spec.nodeName) as Node | undefined) : undefined;
    if (!pod || !node || pod.metadata.deletionTimestamp) return this.forget(key);
    // 2. How long may it stay? Never leaving (no NoExecute taint, or tolerated forever) cancels any eviction.
    const delay = evictionDelaySeconds(noExecuteTaints(node.spec?.taints), pod.spec.tolerations ?? []);
    if (delay === undefined) {
      if (this.firstSeenTainted.has(key))
        await this.recorder.record(pod, 'Normal', TaintManagerEvictionReason, cancellingDeletionMessage(key));
      return this.forget(key);
    }
    // 3. The clock starts when this controller first saw the pod tainted; come back at the deadline.
    const firstSeen = this.firstSeenTainted.get(key) ?? this.now();
    this.firstSeenTainted.set(key, firstSeen);
    const remaining = evictionDeadline(firstSeen, delay) - this.now();
    if (remaining > 0) return { requeueAfterMs: remaining };
    // 4. Time is up: say why, then delete it like anyone would, gracefully.
    await this.recorder.record(pod, 'Normal', TaintManagerEvictionReason, markingForDeletionMessage(key));
    await this.markDisruptionTarget(pod);
    await this.client
      .delete(
        { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name },
        { preconditions: { uid: pod.metadata.uid ?? '' } },
      )
      .catch(ignoreGone);
    return this.forget(key);
  }
  // #endregion process-pod-on-node

  private async markDisruptionTarget(pod: Pod): Promise<void> {
    const conditions = (pod.status?.conditions ?? []).filter(
      (condition) => condition.type !== DisruptionTargetCondition.type,
    );
    const condition = {
      ...DisruptionTargetCondition,
      lastTransitionTime: `${new Date(this.now()).toISOString().slice(0, 19)}Z`,
    };
    // A patch, not an update: the kubelet may write the status at the same moment (PatchPodStatus).
    const patch = { status: { conditions: [...conditions, condition] } } as unknown as JsonValue;
    await this.client
      .patch(
        { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'status' },
        patch,
      )
      .catch(ignoreGone);
  }

  private forget(key: string): Result {
    this.firstSeenTainted.delete(key);
    return {};
  }

  private podChanged(pod: KubeObject): void {
    if (pod.spec?.nodeName) this.enqueue(keyOf(pod));
  }

  private nodeChanged(node: KubeObject): void {
    for (const pod of this.pods.byIndex(NodeNameIndex, node.metadata.name ?? '')) this.enqueue(keyOf(pod));
  }
}

/** The pod went meanwhile (404), or was replaced by one of the same name (409 on the uid): nothing to evict. */
function ignoreGone(error: unknown): void {
  if (isNotFound(error) || isConflict(error)) return;
  throw error;
}
