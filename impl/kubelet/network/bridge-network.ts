// The pod network on one node: a bridge, and a veth pair into each pod's network namespace.
//
// "Each pod gets its own network namespace and IP; pods on a node share a bridge." This is
// what the CNI bridge plugin with host-local IPAM does when the runtime sets up a sandbox:
//   ip netns add cni-<id>                       the pod's own network stack
//   ip link add veth<id> type veth peer eth0    a cable: one end on the node, one in the pod
//   ip link set veth<id> master cni0            the node's end plugged into the bridge
//   ip -n cni-<id> addr add 10.244.1.2/24 …     an address from the node's podCIDR
//   ip -n cni-<id> route add default via 10.244.1.1 (the bridge, the pod's gateway)
// Pods on other nodes are reached through the node's routes (routes.ts).
// Real Kubernetes: containernetworking/plugins (plugins/main/bridge, plugins/ipam/host-local).
import { writeFile } from 'node:fs/promises';
import { ip } from './commands.js';

export const BridgeName = 'cni0';

export class BridgeNetwork {
  private readonly used = new Set<number>();
  private readonly prefix: string;

  /** `podCidr` is the node's /24, such as 10.244.1.0/24. */
  constructor(podCidr: string) {
    const match = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(podCidr);
    if (!match?.[1]) throw new Error(`BridgeNetwork: kubelab's pod network needs a /24 podCIDR, not "${podCidr}"`);
    this.prefix = match[1];
  }

  get gateway(): string {
    return `${this.prefix}.1`;
  }

  /** The bridge with the gateway address, and forwarding on: once per node. */
  async setUpNode(): Promise<void> {
    await ip('link', 'add', BridgeName, 'type', 'bridge').catch(ignoreExisting);
    await ip('addr', 'add', `${this.gateway}/24`, 'dev', BridgeName).catch(ignoreExisting);
    await ip('link', 'set', BridgeName, 'up');
    // The node forwards packets between its pods' veths and the other nodes.
    await writeFile('/proc/sys/net/ipv4/ip_forward', '1');
  }

  // #region add-pod-interface
  /** A namespace named `netns` with eth0 on the bridge; resolves with the pod's IP. */
  async add(netns: string, id: string): Promise<string> {
    const address = this.allocate();
    const hostEnd = `veth${id.slice(0, 8)}`;
    try {
      await ip('netns', 'add', netns);
      await ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
      await ip('link', 'set', hostEnd, 'master', BridgeName, 'up');
      await ip('-n', netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      await ip('-n', netns, 'link', 'set', 'eth0', 'up');
      await ip('-n', netns, 'link', 'set', 'lo', 'up');
      await ip('-n', netns, 'route', 'add', 'default', 'via', this.gateway);
      return address;
    } catch (error) {
      await this.remove(netns, address);
      throw error;
    }
  }
  // #endregion add-pod-interface

  /** Deleting the namespace deletes its end of the veth, and with it the node's end. */
  async remove(netns: string, address: string): Promise<void> {
    await ip('netns', 'delete', netns).catch(() => undefined);
    this.used.delete(Number(address.split('.')[3]));
  }

  // host-local IPAM: the lowest free address; .0 is the network, .1 the gateway, .255 broadcast.
  private allocate(): string {
    for (let host = 2; host < 255; host++) {
      if (!this.used.has(host)) {
        this.used.add(host);
        return `${this.prefix}.${host}`;
      }
    }
    throw new Error(`no free address left in ${this.prefix}.0/24`);
  }
}

function ignoreExisting(error: unknown): void {
  if (!String(error).includes('File exists')) throw error;
}
