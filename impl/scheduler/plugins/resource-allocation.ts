// What both resource scorers look at: per resource, the node's allocatable and what would be
// requested once the pod is on it.
//
// "Resource scoring compares, per resource, what the node can give with what it would give with
// the pod on it." NodeResourcesFit's LeastAllocated counts the node's non-zero requests (100m /
// 200Mi for each container that asked for nothing) plus the pod's, so empty-handed pods still
// spread; BalancedAllocation counts real requests. A resource the node has none of is left out.
//
// kubelab simplifies: cpu and memory only, weight 1 each (NodeResourcesFitArgs and
// NodeResourcesBalancedAllocationArgs defaults). Real Kubernetes:
// pkg/scheduler/framework/plugins/noderesources/resource_allocation.go.

import type { Request } from '../framework/resources.js';
import type { NodeInfo } from '../framework/types.js';

/** One resource of one node, as a scorer sees it. */
export interface ResourceAmount {
  /** Already requested on the node plus the incoming pod's request. */
  requested: number;
  allocatable: number;
  weight: number;
}

/** The scored resources and their weights: cpu and memory, 1 each (Kubernetes' defaults). */
export const DefaultScoringResources: readonly { name: 'cpu' | 'memory'; weight: number }[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/**
 * Per scored resource: allocatable, and requested with the pod added. `useRequested` picks the
 * node's real requests (BalancedAllocation) over its non-zero requests (LeastAllocated).
 * Resources with zero allocatable are dropped, as Kubernetes skips them.
 */
export function resourceAmounts(nodeInfo: NodeInfo, podRequest: Request, useRequested: boolean): ResourceAmount[] {
  const onNode = useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested;
  const amounts: ResourceAmount[] = [];
  for (const { name, weight } of DefaultScoringResources) {
    const allocatable = name === 'cpu' ? nodeInfo.allocatable.milliCpu : nodeInfo.allocatable.memory;
    if (allocatable === 0) continue;
    const requested = name === 'cpu' ? onNode.milliCpu + podRequest.milliCpu : onNode.memory + podRequest.memory;
    amounts.push({ requested, allocatable, weight });
  }
  return amounts;
}
