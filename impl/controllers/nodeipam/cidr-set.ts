// The ranges of pod addresses a cluster hands out, one per node.
//
// "Each node gets its own slice of the cluster's pod network." The cluster CIDR (10.244.0.0/16
// by default, as kubeadm's pod network flag often sets it) is cut into blocks of the node mask
// size (/24: 256 blocks of 256 addresses). A block is handed out at most once; the search for
// a free one starts just after the last one handed out and wraps around, so a range a deleted
// node gave back is not reused at once.
//
// kubelab simplifies: IPv4 only, one cluster CIDR. Real Kubernetes:
// pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (CidrSet, AllocateNext, Occupy, Release).

/** AllocateNext's error when every block is in use (ErrCIDRRangeNoCIDRsRemaining). */
export const NoCidrsRemaining =
  'CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range';

export class CidrSet {
  private readonly base: number;
  private readonly clusterMask: number;
  private readonly used = new Set<number>();
  private nextCandidate = 0;

  constructor(
    clusterCidr: string,
    private readonly nodeMask: number,
  ) {
    const [address, mask] = parseCidr(clusterCidr);
    if (nodeMask < mask || nodeMask > 32)
      throw new Error(`CidrSet: a /${nodeMask} node mask does not fit in ${clusterCidr}`);
    this.clusterMask = mask;
    this.base = address;
  }

  /** How many node ranges the cluster CIDR holds. */
  get size(): number {
    return 2 ** (this.nodeMask - this.clusterMask);
  }

  /** The next free range, searching from just after the last one handed out. */
  allocateNext(): string {
    for (let step = 0; step < this.size; step++) {
      const candidate = (this.nextCandidate + step) % this.size;
      if (this.used.has(candidate)) continue;
      this.used.add(candidate);
      this.nextCandidate = (candidate + 1) % this.size;
      return this.cidrAt(candidate);
    }
    throw new Error(NoCidrsRemaining);
  }

  /** Marks a range a node already has as taken; false when it is not a range of this set. */
  occupy(cidr: string): boolean {
    const index = this.indexOf(cidr);
    if (index === undefined) return false;
    this.used.add(index);
    return true;
  }

  release(cidr: string): void {
    const index = this.indexOf(cidr);
    if (index !== undefined) this.used.delete(index);
  }

  private cidrAt(index: number): string {
    const address = (this.base + index * 2 ** (32 - this.nodeMask)) >>> 0;
    return `${formatAddress(address)}/${this.nodeMask}`;
  }

  private indexOf(cidr: string): number | undefined {
    const [address, mask] = parseCidr(cidr);
    const offset = address - this.base;
    const blockSize = 2 ** (32 - this.nodeMask);
    if (mask !== this.nodeMask || offset < 0 || offset % blockSize !== 0) return undefined;
    const index = offset / blockSize;
    return index < this.size ? index : undefined;
  }
}

/** `10.244.0.0/16` as its address as a number and its mask size; the address masked. */
export function parseCidr(cidr: string): [number, number] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const mask = Number(match?.[5]);
  if (!match || octets.some((octet) => octet > 255) || mask > 32) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  const address = octets.reduce((total, octet) => total * 256 + octet, 0);
  const blockSize = 2 ** (32 - mask);
  return [address - (address % blockSize), mask];
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
