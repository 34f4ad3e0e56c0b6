// The cluster's network, and the fixed addresses of what the other containers connect to.
//
// A container that restarts gets a new address from the engine, and while the engine's DNS
// server reloads its records it stops answering for a while: a lookup then waits out the
// resolver's timeouts (about 25 s), and every other lookup of the process queues behind it.
// After an API server restart, a scheduler that asked DNS for `apiserver` could not reach it
// for half a minute. Kubernetes avoids the question: kube-apiserver has a fixed address (its
// --advertise-address, the node's own IP under kubeadm), and every kubeconfig names it.
// kubelab does the same: the network has a subnet of its own, the engine hands out addresses
// from its lower half only, and etcd and the API server get fixed addresses above it, which
// every container finds in its /etc/hosts. No component asks DNS for anything.
// Real Kubernetes: kubeadm's controlPlaneEndpoint and --apiserver-advertise-address.
import { createHash } from 'node:crypto';
import { type ContainerRuntimeClient, StartedNetwork } from 'testcontainers';
import { ownershipLabels } from './ownership.js';

/** The names other containers reach fixed addresses by, and the last octet of each. */
const FixedHosts = { etcd: 251, apiserver: 250 } as const;
export type FixedHost = keyof typeof FixedHosts;

/** Candidate subnets 10.<second>.<third>.0/24; the engine refuses one another network uses. */
const SecondOctet = 89;
const Attempts = 30;

export interface ClusterNetwork {
  readonly network: StartedNetwork;
  /** The fixed address of each name, for a container that must be reachable there. */
  readonly addresses: Record<FixedHost, string>;
  /** Every fixed name and address, for each container's /etc/hosts (withExtraHosts). */
  readonly hosts: Array<{ host: string; ipAddress: string }>;
}

/** Create the network of cluster `name`, on the first free subnet from one its name picks. */
export async function createClusterNetwork(engine: ContainerRuntimeClient, name: string): Promise<ClusterNetwork> {
  const first = createHash('sha256').update(name).digest()[0] ?? 0;
  let lastError: unknown;
  for (let attempt = 0; attempt < Attempts; attempt++) {
    const prefix = `10.${SecondOctet}.${((first + attempt * 7) % 200) + 50}`;
    const ipam = { Config: [{ Subnet: `${prefix}.0/24`, IPRange: `${prefix}.0/25` }] };
    try {
      const created = await engine.network.create({
        Name: name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: ownershipLabels(name),
        IPAM: ipam,
      });
      const addresses = Object.fromEntries(
        Object.entries(FixedHosts).map(([host, octet]) => [host, `${prefix}.${octet}`]),
      ) as Record<FixedHost, string>;
      const hosts = Object.entries(addresses).map(([host, ipAddress]) => ({ host, ipAddress }));
      return { network: new StartedNetwork(engine, name, created), addresses, hosts };
    } catch (error) {
      // Most often "subnet ... is already used": another network has it. Try the next one.
      lastError = error;
    }
  }
  throw new Error(`createClusterNetwork: no free subnet for cluster "${name}" after ${Attempts} tries`, {
    cause: lastError,
  });
}
