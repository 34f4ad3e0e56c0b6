// NodeAffinity: nodeSelector and node affinity, hard and soft.
//
// "nodeSelector and requiredDuringScheduling node affinity restrict the nodes a pod can run on;
// preferredDuringScheduling terms make some nodes more attractive." Filter: every nodeSelector
// label must match, and at least one required term (terms are ORed, expressions in a term
// ANDed). Score: the sum of the weights of the preferred terms the node matches, scaled so the
// best node gets 100. A term with no expressions matches nothing.
//
// kubelab simplifies: no scheduler-enforced addedAffinity, no PreFilterResult narrowing by
// metadata.name, label keys are not validated. Real Kubernetes: pkg/scheduler/framework/plugins/
// nodeaffinity/node_affinity.go and component-helpers/scheduling/corev1/nodeaffinity.

import type {
  Node,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PreferredSchedulingTerm,
} from '../../client/types.js';
import { defaultNormalizeScore } from '../framework/normalize-score.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  NodeScore,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
  Status,
} from '../framework/types.js';
import { MaxNodeScore } from '../framework/types.js';

export const NodeAffinityName = 'NodeAffinity';
/** The Filter's reason (ErrReasonPod). */
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
/** The only field a matchFields requirement may name. */
export const ObjectNameField = 'metadata.name';
const IntegerPattern = /^[+-]?\d+$/;

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NodeAffinityName;

  preFilter(_state: CycleState, pod: Pod): Status {
    const hasRequired = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined;
    return hasRequired || pod.spec.nodeSelector !== undefined ? SuccessStatus : newStatus('Skip');
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    return matchesRequiredNodeAffinity(pod, nodeInfo.node)
      ? SuccessStatus
      : newStatus('UnschedulableAndUnresolvable', ErrReasonPod);
  }

  preScore(_state: CycleState, pod: Pod): Status {
    const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    return preferred === undefined ? newStatus('Skip') : SuccessStatus;
  }

  score(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): { score: number } {
    return { score: preferredScore(preferredTerms(pod), nodeInfo.node) };
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    return defaultNormalizeScore(MaxNodeScore, false, scores);
  }
}

/** The Filter's test: the pod's nodeSelector and its required terms both accept the node. */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  const nodeSelector = pod.spec.nodeSelector ?? {};
  for (const key in nodeSelector) {
    if (labels[key] !== nodeSelector[key]) return false;
  }
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required === undefined || required.nodeSelectorTerms.some((term) => matchesTerm(term, node));
}

/** The raw score: the sum of the weights of the preferred terms that match the node. */
export function preferredScore(terms: readonly PreferredSchedulingTerm[], node: Node): number {
  let sum = 0;
  for (const term of terms) if (term.weight !== 0 && matchesTerm(term.preference, node)) sum += term.weight;
  return sum;
}

/** A term matches when it says something and all its requirements hold. */
export function matchesTerm(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  const nodeFields = { [ObjectNameField]: node.metadata.name ?? '' };
  return (
    expressions.every((requirement) => matchesRequirement(requirement, labels)) &&
    fields.every((requirement) => requirement.key === ObjectNameField && matchesRequirement(requirement, nodeFields))
  );
}

// #region node-selector-requirement
/** One requirement against a node's labels; Gt and Lt compare integers and fail on anything else. */
export function matchesRequirement(
  requirement: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const values = requirement.values ?? [];
  const label = labels[requirement.key];
  switch (requirement.operator) {
    case 'In':
      return label !== undefined && values.includes(label);
    case 'NotIn':
      return label === undefined || !values.includes(label);
    case 'Exists':
      return label !== undefined;
    case 'DoesNotExist':
      return label === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? values[0] : undefined;
      if (label === undefined || bound === undefined || !IntegerPattern.test(label) || !IntegerPattern.test(bound))
        return false;
      return requirement.operator === 'Gt' ? BigInt(label) > BigInt(bound) : BigInt(label) < BigInt(bound);
    }
    default:
      return false;
  }
}
// #endregion node-selector-requirement

function preferredTerms(pod: Pod): PreferredSchedulingTerm[] {
  return pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
}
