// Scoring: every score plugin on every feasible node, normalized, weighted, summed.
//
// "Each score plugin gives each feasible node 0 to 100; the scheduler multiplies by the
// plugin's weight and adds them up." PreScore plugins first precompute (or answer Skip, and
// then add nothing); each Score plugin scores every node, its NormalizeScore rescales the list,
// any score outside [0, 100] after that is a bug and fails the attempt. With no score plugin
// every node scores 1. The per-plugin numbers are kept: they are the explanation.
//
// kubelab simplifies: no extenders, one node at a time. Real Kubernetes:
// pkg/scheduler/schedule_one.go (prioritizeNodes) and framework/runtime/framework.go
// (RunPreScorePlugins, RunScorePlugins).

import type { Pod } from '../client/types.js';
import type { Framework, WeightedScorePlugin } from './framework/framework.js';
import { runPreScorePlugins } from './framework/framework.js';
import { asErrorStatus, errorWhile, isSuccess, newStatus, SuccessStatus, withPlugin } from './framework/status.js';
import type { CycleState, NodeInfo, NodeScore, Status } from './framework/types.js';
import { MaxNodeScore, MinNodeScore } from './framework/types.js';

/** One plugin's scores over the feasible nodes, in their order; empty arrays when skipped. */
export interface PluginScores {
  plugin: string;
  weight: number;
  /** PreScore said Skip: the plugin adds nothing to any node. */
  isSkipped: boolean;
  raw: number[];
  normalized: number[];
}

export interface Prioritized {
  status: Status;
  plugins: PluginScores[];
  /** Σ normalized × weight per feasible node. */
  totals: number[];
}

// #region prioritize-nodes
/** Runs PreScore and Score; `allNodes` is the whole snapshot, for plugins that count cluster-wide. */
export function prioritizeNodes(
  framework: Framework,
  state: CycleState,
  pod: Pod,
  feasible: readonly NodeInfo[],
  allNodes: readonly NodeInfo[],
): Prioritized {
  if (framework.scorePlugins.length === 0) return { status: SuccessStatus, plugins: [], totals: feasible.map(() => 1) };
  const preScore = runPreScorePlugins(framework, state, pod, feasible, allNodes);
  if (!isSuccess(preScore.status)) return { status: preScore.status, plugins: [], totals: [] };
  const plugins: PluginScores[] = [];
  const totals = feasible.map(() => 0);
  for (const weighted of framework.scorePlugins) {
    const { name } = weighted.plugin;
    if (preScore.skipped.has(name)) {
      plugins.push({ plugin: name, weight: weighted.weight, isSkipped: true, raw: [], normalized: [] });
      continue;
    }
    const scored = runScorePlugin(weighted, state, pod, feasible);
    if ('code' in scored) return { status: scored, plugins, totals };
    plugins.push(scored);
    scored.normalized.forEach((score, index) => {
      totals[index] = (totals[index] ?? 0) + score * weighted.weight;
    });
  }
  return { status: SuccessStatus, plugins, totals };
}
// #endregion prioritize-nodes

/** Score, NormalizeScore and the range check for one plugin; an Error status if any step fails. */
function runScorePlugin(
  { plugin, weight }: WeightedScorePlugin,
  state: CycleState,
  pod: Pod,
  feasible: readonly NodeInfo[],
): PluginScores | Status {
  const scores: NodeScore[] = [];
  const raw: number[] = [];
  try {
    for (const nodeInfo of feasible) {
      const { score, status } = plugin.score(state, pod, nodeInfo);
      if (status && !isSuccess(status)) return errorWhile(`running Score plugin "${plugin.name}"`, status, plugin.name);
      scores.push({ name: nodeInfo.name, score });
      raw.push(score);
    }
  } catch (error) {
    return errorWhile(`running Score plugin "${plugin.name}"`, asErrorStatus(error), plugin.name);
  }
  try {
    const status = plugin.normalizeScore?.(state, pod, scores) ?? SuccessStatus;
    if (!isSuccess(status))
      return errorWhile(`running Normalize on Score plugin "${plugin.name}"`, status, plugin.name);
  } catch (error) {
    return errorWhile(`running Normalize on Score plugin "${plugin.name}"`, asErrorStatus(error), plugin.name);
  }
  const invalid = scores.find((entry) => !(entry.score >= MinNodeScore && entry.score <= MaxNodeScore));
  if (invalid) {
    const reason =
      `plugin "${plugin.name}" returns an invalid score ${invalid.score}, ` +
      `it should in the range of [${MinNodeScore}, ${MaxNodeScore}] after normalizing`;
    return withPlugin(newStatus('Error', reason), plugin.name);
  }
  return { plugin: plugin.name, weight, isSkipped: false, raw, normalized: scores.map((entry) => entry.score) };
}
