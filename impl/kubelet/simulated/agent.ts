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
// the features it serves run unchanged on real kubelets. Real Kubernetes: kwok
// (sigs.k8s.io/kwok) and kubemark's hollow nodes; the real heartbeat is pkg/kubelet/nodelease.

import { Informer, keyOf } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import { ApiError, type RestClient } from '../../client/rest-client.js';
import type { KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/workqueue.js';
import { desiredNodeStatus, isSimulated, isStatusCurrent } from './node-status.js';

export const HeartbeatAnnotation = 'kubelab.dev/heartbeat';
export const NodeLeaseNamespace = 'kube-node-lease';
export const LeaseDurationSeconds = 40;

export interface AgentOptions {
  leaseRenewIntervalMs: number;
  workers: number;
}

export class SimulatedNodeAgent {
  private readonly nodes: Informer<KubeObject>;
  private readonly queue = new WorkQueue();

  constructor(private readonly client: RestClient, private readonly logger: Logger, private readonly options: AgentOptions, private readonly now = () => new Date()) {
    this.nodes = new Informer(client, { resource: 'nodes' }, logger);
    // Handlers only enqueue: the decision is taken in syncNode, from the cache.
    this.nodes.addEventHandler({ onAdd: (node) => this.enqueue(node), onUpdate: (_old, node) => this.enqueue(node) });
  }

  async run(signal: AbortSignal): Promise<void> {
    void this.nodes.run(signal);
    await this.nodes.waitForSync();
    const heartbeat = setInterval(() => void this.renewLeases(), this.options.leaseRenewIntervalMs);
    signal.addEventListener('abort', () => { clearInterval(heartbeat); this.queue.shutDown(); }, { once: true });
    await Promise.all(Array.from({ length: this.options.workers }, () => this.worker()));
  }

  private enqueue(node: KubeObject): void {
    if (isSimulated(node)) this.queue.add(keyOf(node));
  }

  private async worker(): Promise<void> {
    for (let key = await this.queue.get(); key !== undefined; key = await this.queue.get()) {
      try {
        await this.syncNode(key);
        this.queue.forget(key);
      } catch (error) {
        this.logger.error('syncing node failed, will retry', { node: key, error });
        this.queue.addRateLimited(key);
      } finally {
        this.queue.done(key);
      }
    }
  }

  // #region sync-node
  private async syncNode(name: string): Promise<void> {
    // 1. Read from the cache; a node that is gone, not ours, or silenced needs nothing.
    const node = this.nodes.get(name);
    if (!node || !isSimulated(node) || isSilenced(node)) return;
    // 2. Compute what a healthy kubelet would report, and write only if it differs.
    const desired = desiredNodeStatus(node, timestamp(this.now()));
    if (isStatusCurrent(node, desired)) return;
    await this.client.update({ resource: 'nodes', name, subresource: 'status' }, { ...structuredClone(node), status: desired });
    // 3. A new node gets its Lease at once, not at the next heartbeat.
    await this.renewLease(node);
  }
  // #endregion sync-node

  private async renewLeases(): Promise<void> {
    for (const node of this.nodes.list()) {
      if (!isSimulated(node) || isSilenced(node)) continue;
      await this.renewLease(node).catch((error: unknown) => this.logger.error('renewing lease failed', { node: node.metadata.name, error }));
    }
  }

  /** The heartbeat: the node's Lease gets a new renewTime (created on first use). */
  private async renewLease(node: KubeObject): Promise<void> {
    const name = node.metadata.name ?? '';
    const ref = { group: 'coordination.k8s.io', resource: 'leases', namespace: NodeLeaseNamespace, name };
    const spec = { holderIdentity: name, leaseDurationSeconds: LeaseDurationSeconds, renewTime: microTime(this.now()) };
    try {
      const lease = await this.client.get(ref);
      await this.client.update(ref, { ...lease, spec: { ...lease.spec, ...spec } });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 404)) throw error;
      const owner = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' };
      await this.client.create({ ...ref, name: undefined }, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, ownerReferences: [owner] }, spec });
    }
  }
}

function isSilenced(node: KubeObject): boolean {
  return node.metadata.annotations?.[HeartbeatAnnotation] === 'stopped';
}

function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Lease times are MicroTime: 2024-05-01T10:00:00.123456Z. */
function microTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}
