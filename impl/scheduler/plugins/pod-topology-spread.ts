// PodTopologySpread (system defaults): spread a controller's pods over nodes and zones.
//
// "Even without topologySpreadConstraints, the scheduler spreads the pods of one ReplicaSet,
// ReplicationController or StatefulSet across nodes and zones": two ScheduleAnyway constraints,
// maxSkew 3 on kubernetes.io/hostname and 5 on topology.kubernetes.io/zone. Per constraint a node
// scores cnt × log(domains + 2) + maxSkew − 1, cnt being the peers already in its domain; the
// rounded sum is flipped so the fewest peers get 100: 100 × (max + min − score) / max.
//
// kubelab simplifies: system defaults only (no pod topologySpreadConstraints, no DoNotSchedule
// filter); peers are the pods of the same controller owner (by UID, counted in NodeInfo), where
// Kubernetes matches the owner's and Services' label selectors. Real Kubernetes:
// pkg/scheduler/framework/plugins/podtopologyspread/scoring.go, plugin.go.

import type { OwnerReference, Pod } from '../../client/types.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type { CycleState, NodeInfo, NodeScore, PreScorePlugin, ScorePlugin, Status } from '../framework/types.js';
import { MaxNodeScore } from '../framework/types.js';
import { integerDivide } from '../framework/normalize-score.js';
import { matchesRequiredNodeAffinity } from './node-affinity.js';

export const PodTopologySpreadName = 'PodTopologySpread';
export const LabelHostname = 'kubernetes.io/hostname';
export const LabelTopologyZone = 'topology.kubernetes.io/zone';
/** Kubernetes' systemDefaultConstraints, both ScheduleAnyway. */
export const SystemDefaultConstraints = [
  { topologyKey: LabelHostname, maxSkew: 3 },
  { topologyKey: LabelTopologyZone, maxSkew: 5 },
] as const;
/** Owners whose selector DefaultSelector uses (apiVersion/kind). */
const SpreadOwners = new Set(['v1/ReplicationController', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet']);
const PreScoreStateKey = `PreScore${PodTopologySpreadName}`;

interface PreScoreState {
  owner: OwnerReference;
  /** Peers per zone, for the zones of the feasible nodes. */
  zoneCounts: Map<string, number>;
  /** log(domains + 2) for hostname and zone. */
  hostnameWeight: number;
  zoneWeight: number;
}

export class PodTopologySpread implements PreScorePlugin, ScorePlugin {
  readonly name = PodTopologySpreadName;

  preScore(state: CycleState, pod: Pod, feasibleNodes: readonly NodeInfo[], allNodes: readonly NodeInfo[]): Status {
    const owner = spreadingOwner(pod);
    if (allNodes.length === 0 || owner === undefined) return newStatus('Skip');
    const zoneCounts = new Map<string, number>();
    const readZones = new Set<string>();
    for (const { node } of feasibleNodes) {
      const zone = node.metadata.labels?.[LabelTopologyZone];
      zoneCounts.set(zone ?? '', 0);
      if (zone !== undefined) readZones.add(zone);
    }
    const hasNodeConstraints =
      pod.spec.nodeSelector !== undefined ||
      pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined;
    // Count peers per zone over every node the pod could go to (nodeAffinityPolicy Honor), not
    // just the feasible ones. Skipping nodes without peers, and zones no feasible node reads, changes
    // no score and saves most of the work in a big cluster.
    for (const nodeInfo of allNodes) {
      const peers = countPeers(nodeInfo, owner);
      if (peers === 0) continue;
      const zone = nodeInfo.node.metadata.labels?.[LabelTopologyZone] ?? '';
      const count = zoneCounts.get(zone);
      if (count === undefined || !readZones.has(zone)) continue;
      if (hasNodeConstraints && !matchesRequiredNodeAffinity(pod, nodeInfo.node)) continue;
      zoneCounts.set(zone, count + peers);
    }
    const hostnameWeight = topologyNormalizingWeight(feasibleNodes.length);
    const zoneWeight = topologyNormalizingWeight(zoneCounts.size);
    state.set(PreScoreStateKey, { owner, zoneCounts, hostnameWeight, zoneWeight } satisfies PreScoreState);
    return SuccessStatus;
  }

  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): { score: number; status?: Status } {
    const spread = state.get(PreScoreStateKey) as PreScoreState | undefined;
    if (!spread)
      return { score: 0, status: newStatus('Error', `reading "${PreScoreStateKey}" from cycleState: not found`) };
    const [hostname, zone] = SystemDefaultConstraints;
    const labels = nodeInfo.node.metadata.labels ?? {};
    let score = 0;
    if (labels[hostname.topologyKey] !== undefined) {
      score += scoreForCount(countPeers(nodeInfo, spread.owner), hostname.maxSkew, spread.hostnameWeight);
    }
    const nodeZone = labels[zone.topologyKey];
    if (nodeZone !== undefined)
      score += scoreForCount(spread.zoneCounts.get(nodeZone) ?? 0, zone.maxSkew, spread.zoneWeight);
    return { score: Math.round(score) };
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    normalizeSpreadScores(scores);
    return SuccessStatus;
  }
}

// #region spread-score
/** A domain's score: cnt × weight + maxSkew − 1; the maxSkew term softens small differences. */
export function scoreForCount(count: number, maxSkew: number, topologyWeight: number): number {
  return count * topologyWeight + (maxSkew - 1);
}

/** log(domains + 2): a count in a topology with many domains weighs more than in one with few. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** Fewest peers best: 100 × (max + min − score) / max; all 100 when every score is 0. */
export function normalizeSpreadScores(scores: NodeScore[]): void {
  let minScore = Number.POSITIVE_INFINITY;
  let maxScore = 0;
  for (const { score } of scores) {
    minScore = Math.min(minScore, score);
    maxScore = Math.max(maxScore, score);
  }
  for (const entry of scores) {
    entry.score =
      maxScore === 0 ? MaxNodeScore : integerDivide(MaxNodeScore * (maxScore + minScore - entry.score), maxScore);
  }
}
// #endregion spread-score

/** The controller owner whose pods this pod spreads from, if it is of a kind Kubernetes spreads. */
export function spreadingOwner(pod: Pod): OwnerReference | undefined {
  const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller === true);
  return owner && SpreadOwners.has(`${owner.apiVersion}/${owner.kind}`) ? owner : undefined;
}

/** Pods on the node from the same owner, terminating ones left out (from NodeInfo's index). */
function countPeers(nodeInfo: NodeInfo, owner: OwnerReference): number {
  return nodeInfo.controllerPods.get(owner.uid) ?? 0;
}
