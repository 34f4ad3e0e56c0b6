// A container that others connect to at an address that survives its restarts.
//
// The engine gives a container a new address each time it starts; this one asks for a fixed
// address on the cluster network instead (cluster-network.ts says why), and keeps its name
// there as an alias. testcontainers attaches a container with aliases to its network after
// creating it, with no address to ask for, so the attachment is written into the create
// request itself. Real Kubernetes: kube-apiserver's --advertise-address.
import { GenericContainer } from 'testcontainers';

export class FixedAddressContainer extends GenericContainer {
  private fixed: { address: string; alias: string } | undefined;

  /** Reachable at `address` and by `alias` on the network given by withNetwork. */
  withFixedAddress(address: string, alias: string): this {
    this.fixed = { address, alias };
    return this;
  }

  protected override async beforeContainerCreated(): Promise<void> {
    if (!this.fixed) return;
    if (!this.networkMode) throw new Error('FixedAddressContainer: call withNetwork before start');
    // No aliases for testcontainers to attach with: the create request attaches, to networkMode.
    this.networkAliases = [];
    const endpoint = { Aliases: [this.fixed.alias], IPAMConfig: { IPv4Address: this.fixed.address } };
    this.createOpts.NetworkingConfig = { EndpointsConfig: { [this.networkMode]: endpoint } };
  }
}
