// The simulated node agent: keeps Node objects Ready without machines behind them, as kwok does.
//
// "A node is Ready while its kubelet keeps posting status and renewing its Lease." Scheduling
// scenarios need nodes of given sizes, labels and taints, many more than there are machines.
// A person (or a step) creates the Node object through the API with the annotation
// `kubelab.dev/simulated-node: "true"`; this agent then posts the status a healthy kubelet
// would, and renews the node's Lease in kube-node-lease. Annotating a node with
// `kubelab.dev/heartbeat: "stopped"` makes the agent fall silent for it, as a dead kubelet would.
//
// The agent talks only to the API server, through the same resources a real kubelet uses, so
// the features it serves run unchanged on real kubelets. Pods bound to its nodes are reported
// Running and Ready (pod-status.ts), and a pod deleted from one of its nodes is removed for
// good, as a kubelet does once the containers have stopped. Real Kubernetes: kwok
// (sigs.k8s.io/kwok) and kubemark's hollow nodes; the real heartbeat is pkg/kubelet/nodelease.

import { HeartbeatAnnotation } from '../../client/kubelab-annotations.js';
import { isConflict, isNotFound } from '../../client/api-errors.js';
import { Informer, keyOf } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { ApiError, type ResourceRef, type RestClient } from '../../client/rest-client.js';
import type { JsonObject, KubeObject } from '../../client/types.js';
import { ControllerRunner } from '../../client/reconcile.js';
import { WorkQueue } from '../../client/workqueue.js';
import { renewNodeLease } from '../node/node-lease.js';
import { desiredNodeStatus, isSimulated, isStatusCurrent } from './node-status.js';
import { runningPodStatus } from './pod-status.js';

/** The Warning event a failed status write leaves on its object, so `kubectl describe` shows why. */
export const StatusUpdateFailedReason = 'StatusUpdateFailed';

export interface AgentOptions {
  leaseRenewIntervalMs: number;
  workers: number;
}

export class SimulatedNodeAgent {
  private readonly nodes: Informer<KubeObject>;
  private readonly pods: Informer<KubeObject>;
  private readonly queue = new WorkQueue();
  private readonly podQueue = new WorkQueue();
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly logger: Logger,
    private readonly options: AgentOptions,
    private readonly now = () => new Date(),
  ) {
    this.recorder = new EventRecorder(client, 'kubelet', logger);
    this.nodes = new Informer(client, { resource: 'nodes' }, logger);
    // Handlers only enqueue: the decision is taken in syncNode, from the cache.
    this.nodes.addEventHandler({
      onAdd: (node) => this.enqueue(node),
      onUpdate: (old, node) => this.nodeUpdated(old, node),
    });
    // Only pods already bound to a node matter to a node agent (the kubelet's spec.nodeName selector).
    this.pods = new Informer(client, { resource: 'pods' }, logger, { fieldSelector: 'spec.nodeName!=' });
    this.pods.addEventHandler({
      onAdd: (pod) => this.podQueue.add(keyOf(pod)),
      onUpdate: (_old, pod) => this.podQueue.add(keyOf(pod)),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    void this.nodes.run(signal);
    void this.pods.run(signal);
    await Promise.all([this.nodes.waitForSync(), this.pods.waitForSync()]);
    const heartbeat = setInterval(() => void this.renewLeases(), this.options.leaseRenewIntervalMs);
    signal.addEventListener('abort', () => clearInterval(heartbeat), { once: true });
    // The same runner and retry policy as every controller: a failed sync comes back later.
    const nodes = new ControllerRunner(
      { name: 'node-status', reconcile: (key) => this.syncNode(key).then(() => ({})) },
      this.queue,
      this.logger,
      this.options.workers,
    );
    const pods = new ControllerRunner(
      { name: 'pod-status', reconcile: (key) => this.syncPod(key).then(() => ({})) },
      this.podQueue,
      this.logger,
      this.options.workers,
    );
    await Promise.all([nodes.run(signal), pods.run(signal)]);
  }

  private enqueue(node: KubeObject): void {
    if (isSimulated(node)) this.queue.add(keyOf(node));
  }

  /** A "kubelet" coming back to life catches up with its pods too, those deleted meanwhile first of all. */
  private nodeUpdated(old: KubeObject, node: KubeObject): void {
    this.enqueue(node);
    if (!isSilenced(old) || isSilenced(node)) return;
    for (const pod of this.pods.list()) if (pod.spec?.nodeName === node.metadata.name) this.podQueue.add(keyOf(pod));
  }

  // #region sync-pod
  private async syncPod(key: string): Promise<void> {
    // 1. Only pods on nodes this agent plays, and only while the node's "kubelet" is alive.
    const pod = this.pods.get(key);
    const node = pod ? this.nodes.get(String(pod.spec?.nodeName ?? '')) : undefined;
    if (!pod || !node || !isSimulated(node) || isSilenced(node)) return;
    const ref = { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name };
    // 2. A pod marked for deletion: its containers "stop" at once, so the deletion is finished.
    if (pod.metadata.deletionTimestamp) {
      await this.client
        .delete(ref, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid ?? '' } })
        .catch((error: unknown) => {
          if (!isNotFound(error) && !isConflict(error)) throw error;
        });
      return;
    }
    // 3. A bound pod not yet reported running: report it Running and Ready.
    if (pod.status?.phase === 'Running' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const hostIp = String(
      (node.status?.addresses as Array<{ address?: string }> | undefined)?.[0]?.address ?? node.metadata.name,
    );
    await this.writeStatus(
      pod,
      { ...ref, subresource: 'status' },
      runningPodStatus(pod, hostIp, timestamp(this.now())),
    );
  }
  // #endregion sync-pod

  // #region sync-node
  private async syncNode(name: string): Promise<void> {
    // 1. Read from the cache; a node that is gone, not ours, or silenced needs nothing.
    const node = this.nodes.get(name);
    if (!node || !isSimulated(node) || isSilenced(node)) return;
    // 2. Compute what a healthy kubelet would report, and write only if it differs.
    const desired = desiredNodeStatus(node, timestamp(this.now()));
    if (isStatusCurrent(node, desired)) return;
    await this.writeStatus(node, { resource: 'nodes', name, subresource: 'status' }, desired);
    // 3. A new node gets its Lease at once, not at the next heartbeat.
    await this.renewLease(node);
  }
  // #endregion sync-node

  /** Writes a status; a refusal is also told on the object as a Warning event, then retried. */
  private async writeStatus(object: KubeObject, ref: ResourceRef, status: JsonObject): Promise<void> {
    try {
      await this.client.update(ref, { ...structuredClone(object), status });
    } catch (error) {
      // A Conflict is the ordinary race of optimistic locking: retry quietly.
      if (isConflict(error)) throw error;
      const message = error instanceof ApiError ? (error.status.message ?? error.message) : String(error);
      await this.recorder.record(
        { ...object, kind: object.kind ?? (ref.resource === 'nodes' ? 'Node' : 'Pod') },
        'Warning',
        StatusUpdateFailedReason,
        `Updating status failed: ${message}`,
      );
      throw error;
    }
  }

  private async renewLeases(): Promise<void> {
    for (const node of this.nodes.list()) {
      if (!isSimulated(node) || isSilenced(node)) continue;
      await this.renewLease(node).catch((error: unknown) =>
        this.logger.error('renewing lease failed', { node: node.metadata.name, error }),
      );
    }
  }

  /** The heartbeat: the node's Lease gets a new renewTime, as a real kubelet renews it. */
  private renewLease(node: KubeObject): Promise<void> {
    return renewNodeLease(this.client, node, this.now());
  }
}

function isSilenced(node: KubeObject): boolean {
  return node.metadata.annotations?.[HeartbeatAnnotation] === 'stopped';
}

function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
