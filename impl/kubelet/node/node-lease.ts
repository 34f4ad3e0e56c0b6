// The node's heartbeat: its Lease in kube-node-lease, renewed every 10 seconds.
//
// "A kubelet heartbeats by renewing its Lease; the node lifecycle controller reads renewTime."
// A Lease is a small object, so a heartbeat costs little even with thousands of nodes; the
// full node status is posted only when it changes (or every 5 minutes). The Lease is owned
// by its Node, so the garbage collector removes it with the Node.
// Real Kubernetes: staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go,
// pkg/kubelet/nodelease.
import { isNotFound } from '../../client/api-errors.js';
import type { RestClient } from '../../client/rest-client.js';
import type { KubeObject } from '../../client/types.js';

export const NodeLeaseNamespace = 'kube-node-lease';
export const LeaseDurationSeconds = 40;

/** Renews `node`'s Lease (creating it the first time), holding it as the node's kubelet. */
export async function renewNodeLease(client: RestClient, node: KubeObject, now: Date): Promise<void> {
  const name = node.metadata.name ?? '';
  const ref = { group: 'coordination.k8s.io', resource: 'leases', namespace: NodeLeaseNamespace, name };
  const spec = { holderIdentity: name, leaseDurationSeconds: LeaseDurationSeconds, renewTime: microTime(now) };
  try {
    const lease = await client.get(ref);
    await client.update(ref, { ...lease, spec: { ...lease.spec, ...spec } });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const owner = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' };
    await client.create(
      { ...ref, name: undefined },
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, ownerReferences: [owner] }, spec },
    );
  }
}

/** Lease times are MicroTime: 2024-05-01T10:00:00.123456Z. */
export function microTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}
