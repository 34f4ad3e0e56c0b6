// NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory stay evenly used.
//
// "Balanced resource allocation favors nodes whose resource usage rates, with the pod added, are
// close to each other." Per resource the fraction requested / allocatable (capped at 1); the
// score is (1 − standard deviation of the fractions) × 100, truncated. With cpu and memory the
// deviation is |f_cpu − f_memory| / 2, so scores run from 50 to 100. Real requests count here,
// with no 100m / 200Mi defaults.
//
// This is the Kubernetes 1.32 formula. Kubernetes 1.33 skips pods that request nothing (PR
// #130260), and 1.36 scores the change in balance instead, 50 + (50 + after − before) / 2
// (PR #135573); kubelab does neither. Real Kubernetes:
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go.

import type { Pod } from '../../client/types.js';
import type { Request } from '../framework/resources.js';
import { podRequests } from '../framework/resources.js';
import { SuccessStatus } from '../framework/status.js';
import type { CycleState, NodeInfo, PreScorePlugin, ScorePlugin, Status } from '../framework/types.js';
import { MaxNodeScore } from '../framework/types.js';
import { type ResourceAmount, resourceAmounts } from './resource-allocation.js';

export const NodeResourcesBalancedAllocationName = 'NodeResourcesBalancedAllocation';
const PreScoreStateKey = `PreScore${NodeResourcesBalancedAllocationName}`;

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = NodeResourcesBalancedAllocationName;

  preScore(state: CycleState, pod: Pod): Status {
    state.set(PreScoreStateKey, podRequests(pod, false));
    return SuccessStatus;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): { score: number } {
    const request = (state.get(PreScoreStateKey) as Request | undefined) ?? podRequests(pod, false);
    return { score: balancedAllocationScore(resourceAmounts(nodeInfo, request, true)) };
  }
}

// #region balanced-allocation-score
/**
 * balancedResourceScorer: fractions f = min(requested / allocatable, 1); std = |f1 − f2| / 2 for
 * two resources, sqrt(Σ(f − mean)² / n) for more, 0 for fewer; score = trunc((1 − std) × 100).
 */
export function balancedAllocationScore(resources: readonly ResourceAmount[]): number {
  const fractions: number[] = [];
  let totalFraction = 0;
  for (const { requested, allocatable } of resources) {
    if (allocatable === 0) continue;
    const fraction = Math.min(requested / allocatable, 1);
    totalFraction += fraction;
    fractions.push(fraction);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2);
  } else if (fractions.length > 2) {
    const mean = totalFraction / fractions.length;
    let sum = 0;
    for (const fraction of fractions) sum += (fraction - mean) * (fraction - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MaxNodeScore);
}
// #endregion balanced-allocation-score
