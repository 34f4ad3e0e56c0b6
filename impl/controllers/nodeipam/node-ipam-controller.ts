// The node IPAM controller: give each Node its own range of pod addresses.
//
// "Every node gets a podCIDR, a slice of the cluster's pod network, and its pods take their
// IPs from it." When a Node appears without spec.podCIDR, the controller takes the next free
// range of the cluster CIDR (cidr-set.ts) and patches it into spec.podCIDR and spec.podCIDRs;
// a node that already has one keeps it, and its range is marked taken. When a Node is deleted,
// its range goes back. A cluster with no range left says so with a CIDRNotAvailable event on
// the node, and tries again later.
//
// The ranges in use live only in memory: at its first reconcile the controller reads every
// node's range from its cache, before it hands any out, so a restart never hands out one that
// is taken. Real Kubernetes: pkg/controller/nodeipam/ipam/range_allocator.go
// (AllocateOrOccupyCIDR, ReleaseCIDR, updateCIDRsAllocation) with --allocate-node-cidrs.

import { isNotFound } from '../../client/api-errors.js';
import { EventRecorder } from '../../client/event-recorder.js';
import type { Informer } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import type { RestClient } from '../../client/rest-client.js';
import type { Node } from '../../client/types.js';
import { type CidrSet, NoCidrsRemaining } from './cidr-set.js';

/** How long a node waits for a range when none is free, before it is tried again. */
const RetryWhenFullMs = 30_000;

export class NodeIpamController implements Reconciler {
  readonly name = 'node-ipam-controller';
  /** The range each node holds, or was given and is being patched in. */
  private readonly assigned = new Map<string, string>();
  private hasReadRangesInUse = false;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    private readonly nodes: Informer<Node>,
    private readonly cidrs: CidrSet,
    enqueue: (name: string) => void,
    private readonly logger: Logger,
  ) {
    this.recorder = new EventRecorder(client, 'cidrAllocator', logger);
    nodes.addEventHandler({
      onAdd: (node) => enqueue(node.metadata.name ?? ''),
      onUpdate: (_, node) => {
        if (!node.spec?.podCIDR) enqueue(node.metadata.name ?? '');
      },
      onDelete: (node) => enqueue(node.metadata.name ?? ''),
    });
  }

  // #region node-ipam
  async reconcile(name: string): Promise<Result> {
    this.readRangesInUse();
    const node = this.nodes.get(name);
    if (!node) {
      this.release(name);
      return {};
    }
    if (node.spec?.podCIDR) {
      this.hold(name, node.spec.podCIDR);
      return {};
    }
    const cidr = this.assigned.get(name) ?? this.allocate(name);
    if (!cidr) {
      await this.recorder.record(node, 'Normal', 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`);
      return { requeueAfterMs: RetryWhenFullMs };
    }
    try {
      await this.client.patch({ resource: 'nodes', name }, { spec: { podCIDR: cidr, podCIDRs: [cidr] } }, 'strategic');
    } catch (error) {
      if (!isNotFound(error)) throw error;
      this.release(name);
      return {};
    }
    this.logger.info('Set node PodCIDR', { node: name, podCIDRs: [cidr] });
    return {};
  }
  // #endregion node-ipam

  /** Once, before any range is handed out: every range a node already has is taken. */
  private readRangesInUse(): void {
    if (this.hasReadRangesInUse) return;
    this.hasReadRangesInUse = true;
    for (const node of this.nodes.list()) {
      if (node.spec?.podCIDR) this.hold(node.metadata.name ?? '', node.spec.podCIDR);
    }
  }

  private hold(name: string, cidr: string): void {
    if (this.assigned.get(name) === cidr) return;
    this.release(name);
    if (!this.cidrs.occupy(cidr)) {
      this.logger.info('node has a podCIDR outside the cluster CIDR', { node: name, podCIDR: cidr });
      return;
    }
    this.assigned.set(name, cidr);
  }

  private allocate(name: string): string | undefined {
    try {
      const cidr = this.cidrs.allocateNext();
      this.assigned.set(name, cidr);
      return cidr;
    } catch (error) {
      if (error instanceof Error && error.message === NoCidrsRemaining) return undefined;
      throw error;
    }
  }

  private release(name: string): void {
    const cidr = this.assigned.get(name);
    if (cidr === undefined) return;
    this.cidrs.release(cidr);
    this.assigned.delete(name);
  }
}
