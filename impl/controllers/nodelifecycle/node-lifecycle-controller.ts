// The node lifecycle controller: notice a node whose kubelet went silent, and say so in its status and taints.
//
// "Nodes heartbeat through Leases in kube-node-lease; a node whose heartbeats stop is marked
// Ready=Unknown after the grace period and tainted with node.kubernetes.io/unreachable." Each
// reconcile of a node looks at its Lease and its Ready condition, moves the probe time when
// either shows a sign of life (node-health.ts), marks the kubelet's conditions Unknown once
// the grace period has passed without one, and brings the controller's taints in line with
// the conditions (taints.ts). It comes back by itself when the grace period would run out, so
// silence is noticed without an event. When the kubelet posts Ready again the taints go.
//
// kubelab simplifies: no zones, no eviction rate limits and no "master disruption mode" (real
// clusters stop tainting when every node is unhealthy), pods are not marked NotReady, and the
// check runs when a node's grace period ends instead of every --node-monitor-period.
// Real Kubernetes: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth,
// tryUpdateNodeHealth, processTaintBaseEviction, doNoScheduleTaintingPass).

import { EventRecorder } from '../../client/event-recorder.js';
import type { Informer } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { KubeObject, Node } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import {
  type GracePeriods,
  gracePeriodMs,
  type NodeHealth,
  observeHealth,
  readyCondition,
  unknownConditions,
} from './node-health.js';
import { desiredControllerTaints, reconcileTaints } from './taints.js';

export const NodeLeaseNamespace = 'kube-node-lease';
/** The Event reason (and status word) when a node stops being Ready: RecordNodeStatusChange. */
export const NodeNotReadyReason = 'NodeNotReady';
export const nodeStatusChangeMessage = (node: string, status: string) => `Node ${node} status is now: ${status}`;
/** Come back a little after the grace period ends, so the check sees it over. */
const RecheckSlackMs = 100;

export class NodeLifecycleController implements Reconciler {
  readonly name = 'node-lifecycle-controller';
  private readonly health = new Map<string, NodeHealth>();
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly nodes: Informer<Node>,
    private readonly leases: Informer<KubeObject>,
    private readonly enqueue: (key: string) => void,
    private readonly gracePeriods: GracePeriods,
    logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.recorder = new EventRecorder(client, 'node-controller', logger, now);
    // Handlers only enqueue the node's name; a Lease is named after its node.
    this.nodes.addEventHandler({
      onAdd: (node) => this.enqueue(node.metadata.name ?? ''),
      onUpdate: (_old, node) => this.enqueue(node.metadata.name ?? ''),
      onDelete: (node) => this.health.delete(node.metadata.name ?? ''),
    });
    this.leases.addEventHandler({
      onAdd: (lease) => this.leaseChanged(lease),
      onUpdate: (_old, lease) => this.leaseChanged(lease),
    });
  }

  // #region monitor-node-health
  async reconcile(name: string): Promise<Result> {
    // 1. Read from the cache; a deleted node needs nothing, and its health is forgotten.
    const cached = this.nodes.get(name) as Node | undefined;
    if (!cached) return {};
    let node = structuredClone(cached);
    // 2. Note a sign of life: a renewed Lease or a new Ready heartbeat, seen on our own clock.
    const now = this.now();
    const lease = this.leases.get(`${NodeLeaseNamespace}/${name}`);
    const health = observeHealth(
      this.health.get(name),
      node,
      lease?.spec?.renewTime as string | undefined,
      now.getTime(),
    );
    this.health.set(name, health);
    // 3. Silent for longer than the grace period: the kubelet's conditions become Unknown.
    const deadline = health.probeTime + gracePeriodMs(node, this.gracePeriods);
    if (now.getTime() > deadline) node = await this.markUnknown(node, timestamp(now));
    // 4. The taints follow the conditions, whoever wrote them.
    await this.updateTaints(node, timestamp(now));
    // 5. Look again when the grace period would run out.
    return now.getTime() > deadline ? {} : { requeueAfterMs: deadline - now.getTime() + RecheckSlackMs };
  }
  // #endregion monitor-node-health

  /** Writes Unknown conditions if they change anything; returns the node as it now is. */
  private async markUnknown(node: Node, now: string): Promise<Node> {
    const wasReady = readyCondition(node)?.status === 'True';
    const conditions = unknownConditions(node, now);
    if (JSON.stringify(conditions) === JSON.stringify(node.status?.conditions ?? [])) return node;
    const updated = await this.client.update<Node>(
      { resource: 'nodes', name: node.metadata.name, subresource: 'status' },
      { ...node, status: { ...node.status, conditions } },
    );
    if (wasReady)
      await this.recorder.record(
        updated,
        'Normal',
        NodeNotReadyReason,
        nodeStatusChangeMessage(node.metadata.name ?? '', NodeNotReadyReason),
      );
    return updated;
  }

  private async updateTaints(node: Node, now: string): Promise<void> {
    const taints = reconcileTaints(node.spec?.taints ?? [], desiredControllerTaints(node), now);
    if (!taints) return;
    await this.client.update(
      { resource: 'nodes', name: node.metadata.name },
      { ...node, spec: { ...node.spec, taints } },
    );
  }

  private leaseChanged(lease: KubeObject): void {
    if (lease.metadata.namespace === NodeLeaseNamespace) this.enqueue(lease.metadata.name ?? '');
  }
}

function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
