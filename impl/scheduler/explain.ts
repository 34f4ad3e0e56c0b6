// The explanation: why the scheduler chose that node, in a few lines or as JSON.
//
// "Why did my pod land there?" Kubernetes answers only at log verbosity 10; kubelab keeps the
// numbers of every attempt and renders them: for the best nodes each score plugin's
// raw→normalized×weight, for rejected nodes the filter that turned them down, and how far the
// search went (percentageOfNodesToScore). The process publishes this on the pod.
//
// kubelab's own addition: Kubernetes has no such annotation. The closest real things are the
// scheduler's V(10) "Plugin scored node for pod" logs and its FailedScheduling event.

import type { ScheduleResult } from './schedule-one.js';

/** Nodes listed per group (best scored, rejected) unless the caller asks for more. */
export const DefaultExplainedNodes = 5;

export interface PluginScoreExplanation {
  raw: number;
  normalized: number;
  weight: number;
  weighted: number;
}

export interface NodeExplanation {
  node: string;
  /** Per filter that ran on the node: `Success`, `Skip` (PreFilter said so), or `<code>: <reasons>`. */
  filters: Record<string, string>;
  totalScore?: number;
  scores?: Record<string, PluginScoreExplanation | 'Skip'>;
}

export interface Explanation {
  pod: string;
  outcome: ScheduleResult['outcome'];
  selectedNode?: string;
  message?: string;
  search: {
    numAllNodes: number;
    startIndex: number;
    numNodesToFind: number;
    evaluatedNodes: number;
    feasibleNodes: number;
    rejectedNodes: number;
  };
  tiedAtTop: number;
  /** The best-scored feasible nodes (selected first), then the first rejected ones. */
  nodes: NodeExplanation[];
  /** Feasible or rejected nodes left out of `nodes` for brevity. */
  omittedNodes: number;
}

/** The explanation as data, for an annotation or a test. */
export function explanationJson(result: ScheduleResult, maxNodes = DefaultExplainedNodes): Explanation {
  const best = bestIndices(result, maxNodes);
  const rejected = result.rejected.slice(0, maxNodes);
  const skipped = new Set(result.skippedFilterPlugins);
  const passed = Object.fromEntries(result.filterPlugins.map((name) => [name, skipped.has(name) ? 'Skip' : 'Success']));
  const nodes: NodeExplanation[] = best.map((index) => ({
    node: result.feasibleNodes[index] ?? '',
    filters: passed,
    ...(result.scorePlugins.length > 0
      ? { totalScore: result.totalScores[index] ?? 0, scores: pluginScores(result, index) }
      : {}),
  }));
  for (const { node, status } of rejected) {
    const filters: Record<string, string> = {};
    // Filters after the rejecting one never ran on this node.
    for (const name of result.filterPlugins) {
      filters[name] =
        name === status.plugin
          ? `${status.code}: ${status.reasons.join(', ')}`
          : skipped.has(name)
            ? 'Skip'
            : 'Success';
      if (name === status.plugin) break;
    }
    nodes.push({ node, filters });
  }
  return {
    pod: result.pod,
    outcome: result.outcome,
    ...(result.selectedNode === undefined ? {} : { selectedNode: result.selectedNode }),
    ...(result.message === undefined ? {} : { message: result.message }),
    search: {
      numAllNodes: result.numAllNodes,
      startIndex: result.startIndex,
      numNodesToFind: result.numNodesToFind,
      evaluatedNodes: result.evaluatedNodes,
      feasibleNodes: result.feasibleNodes.length,
      rejectedNodes: result.rejected.length,
    },
    tiedAtTop: result.tiedAtTop,
    nodes,
    omittedNodes: result.feasibleNodes.length - best.length + result.rejected.length - rejected.length,
  };
}

/** The explanation in a few lines: the decision, the search, the best scores, the rejections. */
export function explain(result: ScheduleResult, maxNodes = DefaultExplainedNodes): string {
  const lines = [headline(result)];
  if (result.outcome === 'Error' || result.numAllNodes === 0) return lines[0] ?? '';
  lines.push(
    `search: ${result.evaluatedNodes} of ${result.numAllNodes} nodes filtered from index ${result.startIndex}, ` +
      `stopping at ${result.numNodesToFind} feasible; ` +
      `${result.feasibleNodes.length} feasible, ${result.rejected.length} rejected`,
  );
  if (result.skippedFilterPlugins.length > 0)
    lines.push(`filters skipped for this pod: ${result.skippedFilterPlugins.join(', ')}`);
  if (result.scorePlugins.length > 0) {
    lines.push('scores (plugin raw→normalized×weight):');
    const best = bestIndices(result, maxNodes);
    const width = Math.max(...best.map((index) => result.feasibleNodes[index]?.length ?? 0));
    for (const index of best)
      lines.push(
        `  ${result.feasibleNodes[index]?.padEnd(width)}  ${result.totalScores[index]}  ${scoreTerms(result, index)}`,
      );
    const skipped = result.scorePlugins.filter((plugin) => plugin.isSkipped).map((plugin) => plugin.plugin);
    if (skipped.length > 0) lines.push(`  (skipped for this pod: ${skipped.join(', ')})`);
  }
  if (result.rejected.length > 0) lines.push('rejected:');
  const rejected = result.rejected.slice(0, maxNodes);
  const width = Math.max(...rejected.map(({ node }) => node.length));
  for (const { node, status } of rejected)
    lines.push(`  ${node.padEnd(width)}  ${status.plugin}: ${status.reasons.join(', ')}`);
  if (result.rejected.length > maxNodes) lines.push(`  ... and ${result.rejected.length - maxNodes} more`);
  const unseen = result.numAllNodes - result.evaluatedNodes;
  if (unseen > 0 && result.status.code === 'Success')
    lines.push(`not evaluated: ${unseen} nodes (the search stopped once ${result.numNodesToFind} nodes fit)`);
  return lines.join('\n');
}

function headline(result: ScheduleResult): string {
  if (result.outcome !== 'Scheduled') return `${result.pod}: ${result.outcome}: ${result.message ?? ''}`;
  if (result.scorePlugins.length === 0)
    return `${result.pod}: Scheduled on ${result.selectedNode} (the only feasible node; scoring skipped)`;
  const top = result.top[0]?.score ?? 0;
  const ties = result.tiedAtTop > 1 ? `; ${result.tiedAtTop} nodes tied at the top, one picked at random` : '';
  return `${result.pod}: Scheduled on ${result.selectedNode} (total ${top}${ties})`;
}

function scoreTerms(result: ScheduleResult, index: number): string {
  return result.scorePlugins
    .filter((plugin) => !plugin.isSkipped)
    .map((plugin) => `${plugin.plugin} ${plugin.raw[index]}→${plugin.normalized[index]}×${plugin.weight}`)
    .join(' · ');
}

function pluginScores(result: ScheduleResult, index: number): Record<string, PluginScoreExplanation | 'Skip'> {
  const scores: Record<string, PluginScoreExplanation | 'Skip'> = {};
  for (const { plugin, weight, isSkipped, raw, normalized } of result.scorePlugins) {
    const score = normalized[index] ?? 0;
    scores[plugin] = isSkipped ? 'Skip' : { raw: raw[index] ?? 0, normalized: score, weight, weighted: score * weight };
  }
  return scores;
}

/** Indices of the best `count` feasible nodes, the selected one first, without sorting them all. */
function bestIndices(result: ScheduleResult, count: number): number[] {
  const selected = result.feasibleNodes.indexOf(result.selectedNode ?? '');
  const others: number[] = [];
  const total = (index: number) => result.totalScores[index] ?? 0;
  for (let index = 0; index < result.feasibleNodes.length; index++) {
    if (index === selected) continue;
    const last = others[others.length - 1];
    if (others.length >= count - 1 && (last === undefined || total(last) >= total(index))) continue;
    others.push(index);
    others.sort((a, b) => total(b) - total(a));
    if (others.length > count - 1) others.pop();
  }
  return selected >= 0 ? [selected, ...others] : others;
}
