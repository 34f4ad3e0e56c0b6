// Routes to the other nodes' pods: each node's podCIDR is reached through that node.
//
// "Every pod can reach every other pod, on any node, without NAT." The bridge joins the pods
// of one node; between nodes, this node needs a route per other node: `ip route replace
// 10.244.2.0/24 via <that node's InternalIP>`. The node there forwards the packet onto its own
// bridge. Nodes without an InternalIP (simulated ones) have no pods to reach and get no route.
// Real Kubernetes: not the kubelet's job but the network plugin's; this is what flannel's
// host-gw backend and kube-router do (github.com/flannel-io/flannel, backend/hostgw).
import type { KubeObject } from '../../client/types.js';
import { ip } from './commands.js';

export class PodRoutes {
  /** podCIDR → the node address it is routed through. */
  private readonly installed = new Map<string, string>();

  constructor(private readonly ownNode: string) {}

  // #region pod-routes
  /** Make the routing table match `nodes`: a route for each other node's range, none for a gone one. */
  async sync(nodes: readonly KubeObject[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const node of nodes) {
      const cidr = node.spec?.podCIDR;
      const address = internalIp(node);
      if (node.metadata.name !== this.ownNode && typeof cidr === 'string' && address) wanted.set(cidr, address);
    }
    for (const [cidr, via] of wanted) {
      if (this.installed.get(cidr) === via) continue;
      await ip('route', 'replace', cidr, 'via', via);
      this.installed.set(cidr, via);
    }
    for (const cidr of this.installed.keys()) {
      if (wanted.has(cidr)) continue;
      await ip('route', 'delete', cidr).catch(() => undefined);
      this.installed.delete(cidr);
    }
  }
  // #endregion pod-routes
}

function internalIp(node: KubeObject): string | undefined {
  const addresses = (node.status?.addresses ?? []) as Array<{ type?: string; address?: string }>;
  return addresses.find((address) => address.type === 'InternalIP')?.address;
}
