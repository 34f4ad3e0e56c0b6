// TaintToleration: a node's taints repel pods that do not tolerate them.
//
// "Taints allow a node to repel a set of pods; tolerations allow the scheduler to schedule pods
// with matching taints." Filter: the first NoSchedule or NoExecute taint that no toleration
// matches rejects the node (UnschedulableAndUnresolvable: evicting pods would not remove it).
// Score: count the node's PreferNoSchedule taints the pod does not tolerate; normalization
// reverses the count, so the node with the fewest gets 100.
//
// kubelab simplifies nothing observable here (no Gt/Lt toleration operators, which are alpha in
// newer releases). The match of one toleration and one taint is shared with the taint eviction
// controller (impl/client/tolerations.ts). Real Kubernetes:
// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.

import { toleratesTaint } from '../../client/tolerations.js';
import type { Pod, Taint, Toleration } from '../../client/types.js';
import { defaultNormalizeScore } from '../framework/normalize-score.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  NodeScore,
  PreScorePlugin,
  ScorePlugin,
  Status,
} from '../framework/types.js';
import { MaxNodeScore } from '../framework/types.js';

export const TaintTolerationName = 'TaintToleration';
const PreScoreStateKey = `PreScore${TaintTolerationName}`;

/** The Filter's reason: `node(s) had untolerated taint {key: value}` (an empty value prints as `{key: }`). */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = TaintTolerationName;

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const taint = findUntoleratedTaint(
      nodeInfo.node.spec?.taints ?? [],
      pod.spec.tolerations ?? [],
      isDoNotScheduleTaint,
    );
    return taint === undefined
      ? SuccessStatus
      : newStatus('UnschedulableAndUnresolvable', untoleratedTaintReason(taint));
  }

  preScore(state: CycleState, pod: Pod): Status {
    // An empty effect tolerates every effect, PreferNoSchedule included.
    const tolerations = (pod.spec.tolerations ?? []).filter(
      (toleration) => !toleration.effect || toleration.effect === 'PreferNoSchedule',
    );
    state.set(PreScoreStateKey, tolerations);
    return SuccessStatus;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): { score: number } {
    const tolerations = (state.get(PreScoreStateKey) as Toleration[] | undefined) ?? pod.spec.tolerations ?? [];
    return { score: countIntolerablePreferNoSchedule(nodeInfo.node.spec?.taints ?? [], tolerations) };
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    return defaultNormalizeScore(MaxNodeScore, true, scores);
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((toleration) => toleratesTaint(toleration, taint));
}

/** The first taint, in the node's order, that `isConsidered` keeps and no toleration matches. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  isConsidered: (taint: Taint) => boolean,
): Taint | undefined {
  return taints.find((taint) => isConsidered(taint) && !tolerationsTolerateTaint(tolerations, taint));
}

/** The Filter looks at the two effects that keep pods off a node. */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/** The raw score: how many PreferNoSchedule taints the given tolerations leave untolerated. */
export function countIntolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) count++;
  }
  return count;
}
