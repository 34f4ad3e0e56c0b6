// NodeResourcesFit: a pod fits where its requests fit; among those, emptier nodes score higher.
//
// "The scheduler ensures that, for each resource type, the sum of the resource requests of the
// scheduled containers is less than the capacity of the node." Filter: requests must fit in
// allocatable minus what the node's pods request, with room for one more pod; each shortfall
// is a reason (`Insufficient cpu`, `Insufficient memory`, `Too many pods`), Unschedulable since
// preemption could make room. Score (LeastAllocated, the default): per resource
// (allocatable − requested) × 100 / allocatable, then the weighted mean, in integers.
//
// kubelab simplifies: cpu, memory and pods only; no MostAllocated or RequestedToCapacityRatio.
// Real Kubernetes: pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go.

import type { Pod } from '../../client/types.js';
import { integerDivide } from '../framework/normalize-score.js';
import type { Request } from '../framework/resources.js';
import { podRequests } from '../framework/resources.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
  Status,
} from '../framework/types.js';
import { MaxNodeScore } from '../framework/types.js';
import { type ResourceAmount, resourceAmounts } from './resource-allocation.js';

export const NodeResourcesFitName = 'NodeResourcesFit';
export const ReasonTooManyPods = 'Too many pods';
export const ReasonInsufficientCpu = 'Insufficient cpu';
export const ReasonInsufficientMemory = 'Insufficient memory';
const PreFilterStateKey = `PreFilter${NodeResourcesFitName}`;
const PreScoreStateKey = `PreScore${NodeResourcesFitName}`;

/** One shortfall: what the pod asks, what the node's pods use, what the node has. */
export interface InsufficientResource {
  resourceName: 'pods' | 'cpu' | 'memory';
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NodeResourcesFitName;

  preFilter(state: CycleState, pod: Pod): Status {
    state.set(PreFilterStateKey, podRequests(pod, false));
    return SuccessStatus;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const request = (state.get(PreFilterStateKey) as Request | undefined) ?? podRequests(pod, false);
    const insufficient = fits(request, nodeInfo);
    return insufficient.length === 0
      ? SuccessStatus
      : newStatus('Unschedulable', ...insufficient.map((shortfall) => shortfall.reason));
  }

  preScore(state: CycleState, pod: Pod): Status {
    state.set(PreScoreStateKey, podRequests(pod, true));
    return SuccessStatus;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): { score: number } {
    const request = (state.get(PreScoreStateKey) as Request | undefined) ?? podRequests(pod, true);
    return { score: leastAllocatedScore(resourceAmounts(nodeInfo, request, false)) };
  }
}

// #region fits exercise=fits points=10
/** Every way the pod does not fit the node; empty when it fits (fitsRequest). */
export function fits(request: Request, nodeInfo: NodeInfo): InsufficientResource[] {
  const insufficient: InsufficientResource[] = [];
  const { allocatable, requested } = nodeInfo;
  if (nodeInfo.pods.length + 1 > allocatable.pods) {
    insufficient.push({
      resourceName: 'pods',
      reason: ReasonTooManyPods,
      requested: 1,
      used: nodeInfo.pods.length,
      capacity: allocatable.pods,
    });
  }
  // A pod that requests nothing only needs a pod slot.
  if (request.milliCpu === 0 && request.memory === 0) return insufficient;
  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu) {
    insufficient.push({
      resourceName: 'cpu',
      reason: ReasonInsufficientCpu,
      requested: request.milliCpu,
      used: requested.milliCpu,
      capacity: allocatable.milliCpu,
    });
  }
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) {
    insufficient.push({
      resourceName: 'memory',
      reason: ReasonInsufficientMemory,
      requested: request.memory,
      used: requested.memory,
      capacity: allocatable.memory,
    });
  }
  return insufficient;
}
// #endregion fits

// #region least-allocated-score exercise=least-allocated-score points=10
/**
 * LeastAllocated: per resource `(allocatable − requested) × MaxNodeScore / allocatable` (0 when
 * over-committed), then `Σ score × weight / Σ weight`; integer division throughout, as in
 * least_allocated.go (leastResourceScorer, leastRequestedScore).
 */
export function leastAllocatedScore(resources: readonly ResourceAmount[]): number {
  let nodeScore = 0;
  let weightSum = 0;
  // resourceAmounts has already left out what the node has none of; a node with nothing at all
  // leaves no resource to score.
  for (const { requested, allocatable, weight } of resources) {
    const resourceScore =
      requested > allocatable ? 0 : integerDivide((allocatable - requested) * MaxNodeScore, allocatable);
    nodeScore += resourceScore * weight;
    weightSum += weight;
  }
  return weightSum === 0 ? 0 : integerDivide(nodeScore, weightSum);
}
// #endregion least-allocated-score
