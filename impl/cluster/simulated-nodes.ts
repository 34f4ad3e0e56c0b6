// The nodes `npm start`'s cluster comes with: node-1, node-2, … simulated, as kwok's are.
//
// "A cluster has worker nodes that run the pods" (kubernetes.io, Nodes). Without a node, every
// pod a learner creates stays Pending. So `npm start` does what a person would do with kwok: it
// creates Node objects through the API server, annotated `kubelab.dev/simulated-node: "true"`,
// with the labels a kubelet sets when it registers and the capacity of a small machine, then
// waits until the simulated node agent reports each one Ready. From then on the scheduler binds
// pods to them and the agent reports those pods Running, though no container runs anywhere.
// Real Kubernetes: a kubelet registers its own Node (pkg/kubelet/kubelet_node_status.go,
// initialNode); kwok's fake nodes are Node objects applied with `kubectl apply`, as here.
import { RestClient } from '../client/rest-client.js';
import type { KubeObject } from '../client/types.js';
import { SimulatedNodeAnnotation } from '../client/kubelab-annotations.js';
import { waitUntilNodesReady } from './nodes-ready.js';

/** What each node declares it has: a small machine, with the kubelet's default of 110 pods. */
export const SIMULATED_NODE_CAPACITY = { cpu: '2', memory: '4Gi', pods: '110' };

/** node-1 … node-<count>: names a learner can type. */
export function simulatedNodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `node-${index + 1}`);
}

/** The Node object a person would apply to add one simulated node. */
export function simulatedNode(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { [SimulatedNodeAnnotation]: 'true' },
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
    },
    spec: {},
    status: { capacity: { ...SIMULATED_NODE_CAPACITY } },
  };
}

/** Create `count` simulated nodes through the API server and wait until all are Ready; returns their names. */
export async function createSimulatedNodes(apiServerUrl: string, count: number): Promise<string[]> {
  const names = simulatedNodeNames(count);
  const client = new RestClient(apiServerUrl, 'kubelab-start');
  try {
    await Promise.all(names.map((name) => client.create({ resource: 'nodes' }, simulatedNode(name))));
    await waitUntilNodesReady(client, names, 'does the node agent run?');
    return names;
  } finally {
    await client.close();
  }
}
