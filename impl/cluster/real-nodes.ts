// The real nodes `npm start`'s cluster comes with: a control-plane node and workers.
//
// "A cluster has a control plane and worker nodes that run the pods" (kubernetes.io, Cluster
// Architecture). Each node is a container whose kubelet registers its own Node, as kubeadm's
// `join` leaves a machine (containers/node-container.ts). The control-plane node is labelled
// and tainted as kubeadm marks one, so ordinary pods go to the workers. Then, as a person
// would with `kubectl wait --for=condition=Ready node --all`, it waits until each is Ready.
// Real Kubernetes: kind's nodes (`<cluster>-control-plane`, `<cluster>-worker`, ...).
import { RestClient } from '../client/rest-client.js';
import type { Cluster } from './cluster.js';
import { waitUntilNodesReady } from './nodes-ready.js';

export const ControlPlaneNodeName = 'control-plane';

/** control-plane, then worker-1 … worker-<count>. */
export function realNodeNames(workers: number): string[] {
  return [ControlPlaneNodeName, ...Array.from({ length: workers }, (_, index) => `worker-${index + 1}`)];
}

/** Starts the nodes side by side and waits until every one is Ready; returns their names. */
export async function startRealNodes(cluster: Cluster, workers: number): Promise<string[]> {
  const names = realNodeNames(workers);
  await Promise.all(names.map((name) => cluster.nodes.add(name, { controlPlane: name === ControlPlaneNodeName })));
  const client = new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-start');
  try {
    await waitUntilNodesReady(client, names, "see their kubelets' logs (docker logs <cluster>-<node>)");
    return names;
  } finally {
    await client.close();
  }
}
