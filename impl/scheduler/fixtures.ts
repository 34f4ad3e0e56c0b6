// Small builders of Pods and Nodes for the scheduler's unit tests and benchmark.
//
// "A test states only what matters to it": a node is its name, allocatable and perhaps labels
// or taints; a pod is its requests and perhaps tolerations or an owner. Everything else gets the
// shape the API server would give it (namespace default, one container, 110 pods per node).
//
// kubelab-only; the counterpart in Kubernetes is pkg/scheduler/testing/wrappers.go (MakePod,
// MakeNode), which the scheduler's own tests use the same way.

import type { Affinity, ContainerPort, Node, OwnerReference, Pod, Taint, Toleration } from '../client/types.js';

export interface NodeShape {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

export interface PodShape {
  namespace?: string;
  uid?: string;
  /** Requests of the one container; absent means none. */
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  ports?: ContainerPort[];
  owner?: OwnerReference;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

/** A Node with status.allocatable (default 4 CPUs, 8Gi, 110 pods). */
export function makeNode(name: string, shape: NodeShape = {}): Node {
  const allocatable = { cpu: shape.cpu ?? '4', memory: shape.memory ?? '8Gi', pods: String(shape.pods ?? 110) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: shape.labels ?? {} },
    spec: {
      ...(shape.taints ? { taints: shape.taints } : {}),
      ...(shape.unschedulable ? { unschedulable: true } : {}),
    },
    status: { capacity: { ...allocatable }, allocatable },
  };
}

/** A Pod with one container requesting what the shape says. */
export function makePod(name: string, shape: PodShape = {}): Pod {
  const requests = { ...(shape.cpu ? { cpu: shape.cpu } : {}), ...(shape.memory ? { memory: shape.memory } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: shape.namespace ?? 'default',
      uid: shape.uid ?? `uid-${name}`,
      labels: shape.labels ?? {},
      ...(shape.owner ? { ownerReferences: [shape.owner] } : {}),
    },
    spec: {
      containers: [
        { name: 'main', image: 'sleeper', resources: { requests }, ...(shape.ports ? { ports: shape.ports } : {}) },
      ],
      ...(shape.nodeName ? { nodeName: shape.nodeName } : {}),
      ...(shape.nodeSelector ? { nodeSelector: shape.nodeSelector } : {}),
      ...(shape.affinity ? { affinity: shape.affinity } : {}),
      ...(shape.tolerations ? { tolerations: shape.tolerations } : {}),
      ...(shape.preemptionPolicy ? { preemptionPolicy: shape.preemptionPolicy } : {}),
    },
  };
}

/** A ReplicaSet controller reference, as the ReplicaSet controller sets it on its pods. */
export function replicaSetOwner(name: string): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name,
    uid: `uid-${name}`,
    controller: true,
    blockOwnerDeletion: true,
  };
}
