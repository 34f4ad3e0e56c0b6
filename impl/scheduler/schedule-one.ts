// One scheduling attempt: filter, score, select, as a pure function.
//
// "The scheduler filters the nodes that can run the pod, scores the feasible ones, and picks
// the node with the highest score, at random among equals." In a big cluster it stops filtering
// once enough nodes fit (50% minus 1% per 125 nodes, at least 5% and 100 nodes), starting where
// the last attempt stopped so every node gets its turn; one feasible node skips scoring. The
// result carries the explanation: filter verdicts and raw, normalized, weighted scores.
//
// kubelab simplifies: one node at a time in visiting order (Kubernetes filters 16 in parallel),
// no nominated node, no extenders. Real Kubernetes: pkg/scheduler/schedule_one.go (schedulePod,
// findNodesThatPassFilters, numFeasibleNodesToFind, selectHost).

import type { Pod } from '../client/types.js';
import { fitErrorMessage, NoNodesAvailableMessage } from './fit-error.js';
import type { Framework } from './framework/framework.js';
import { runFilterPlugins, runPostFilterPlugins, runPreFilterPlugins } from './framework/framework.js';
import { asErrorStatus, isSuccess, newStatus, SuccessStatus, statusMessage } from './framework/status.js';
import type { CycleState, NodeInfo, NodeScore, Status } from './framework/types.js';
import { type PluginScores, prioritizeNodes } from './prioritize.js';

export const MinFeasibleNodesToFind = 100;
export const MinFeasibleNodesPercentageToFind = 5;
/** How many of the best nodes a result lists (numberOfHighestScoredNodesToReport). */
export const NumberOfHighestScoredNodesToReport = 3;

/** A uniform random integer in [0, bound): the tie-breaker, injected so tests can fix it. */
export type RandomInt = (bound: number) => number;

export interface NodeRejection {
  node: string;
  /** The first filter's rejection; `status.plugin` names it, and the filters after it did not run. */
  status: Status;
}

/** What the filter phase found. */
export interface FilterSearch {
  /** Success, the PreFilter rejection, or an Error. */
  status: Status;
  numNodesToFind: number;
  startIndex: number;
  /** Where the next attempt starts (Kubernetes' nextStartNodeIndex). */
  nextStartIndex: number;
  evaluatedNodes: number;
  feasible: NodeInfo[];
  rejected: NodeRejection[];
  /** Every filter plugin of the profile, in order, and those whose PreFilter said Skip for this pod. */
  filterPlugins: string[];
  skippedFilterPlugins: string[];
}

export interface ScheduleOptions {
  /** The previous result's nextStartIndex (0 the first time). */
  startIndex: number;
  random: RandomInt;
  /** Overrides the profile's percentageOfNodesToScore. */
  percentageOfNodesToScore?: number;
}

export interface HostSelection {
  selected: NodeScore;
  /** How many nodes shared the top score (the selected one among them). */
  tiedAtTop: number;
  /** The selected node first, then the next best, at most NumberOfHighestScoredNodesToReport. */
  top: NodeScore[];
}

export interface ScheduleResult extends Omit<FilterSearch, 'feasible'> {
  pod: string;
  outcome: 'Scheduled' | 'Unschedulable' | 'Error';
  selectedNode?: string;
  /** The FailedScheduling message (Unschedulable) or the error (Error). */
  message?: string;
  numAllNodes: number;
  feasibleNodes: string[];
  /** One entry per score plugin; empty when scoring was skipped. Arrays follow feasibleNodes. */
  scorePlugins: PluginScores[];
  totalScores: number[];
  top: NodeScore[];
  tiedAtTop: number;
  /** The PostFilter (preemption) verdict when nothing fit. */
  postFilterStatus?: Status;
}

// #region num-feasible-nodes-to-find
/** How many feasible nodes end the search: all below 100 nodes; else a percentage, at least 100. */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MinFeasibleNodesToFind) return numAllNodes;
  let percentage = percentageOfNodesToScore ?? 0;
  if (percentage === 0) {
    percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MinFeasibleNodesPercentageToFind);
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return Math.max(numNodes, MinFeasibleNodesToFind);
}
// #endregion num-feasible-nodes-to-find

// #region find-nodes-that-fit
/** PreFilter, then Filter from startIndex on, until enough nodes fit or every node was seen. */
export function findNodesThatFit(
  framework: Framework,
  state: CycleState,
  pod: Pod,
  nodeInfos: readonly NodeInfo[],
  options: Omit<ScheduleOptions, 'random'>,
): FilterSearch {
  const numAllNodes = nodeInfos.length;
  const startIndex = numAllNodes === 0 ? 0 : options.startIndex % numAllNodes;
  const search: FilterSearch = {
    status: SuccessStatus,
    numNodesToFind: 0,
    startIndex,
    nextStartIndex: startIndex,
    evaluatedNodes: 0,
    feasible: [],
    rejected: [],
    filterPlugins: [],
    skippedFilterPlugins: [],
  };
  const preFilter = runPreFilterPlugins(framework, state, pod);
  if (!isSuccess(preFilter.status)) return { ...search, status: preFilter.status };
  const filters = framework.filterPlugins.filter((plugin) => !preFilter.skipped.has(plugin.name));
  search.filterPlugins = framework.filterPlugins.map((plugin) => plugin.name);
  search.skippedFilterPlugins = search.filterPlugins.filter((name) => preFilter.skipped.has(name));
  search.numNodesToFind = numFeasibleNodesToFind(
    options.percentageOfNodesToScore ?? framework.profile.percentageOfNodesToScore,
    numAllNodes,
  );
  // With nothing to rank by, the first feasible node is as good as any.
  if (framework.scorePlugins.length === 0) search.numNodesToFind = Math.min(1, numAllNodes);
  for (let offset = 0; offset < numAllNodes && search.feasible.length < search.numNodesToFind; offset++) {
    const nodeInfo = nodeInfos[(startIndex + offset) % numAllNodes];
    if (!nodeInfo) continue;
    const status = runFilterPlugins(filters, state, pod, nodeInfo);
    search.evaluatedNodes++;
    if (isSuccess(status)) search.feasible.push(nodeInfo);
    else if (status.code === 'Error') return { ...search, status };
    else search.rejected.push({ node: nodeInfo.name, status });
  }
  search.nextStartIndex = numAllNodes === 0 ? 0 : (startIndex + search.evaluatedNodes) % numAllNodes;
  return search;
}
// #endregion find-nodes-that-fit

// #region schedule-pod
/**
 * One whole attempt for one pod: the decision and its explanation. Never throws for a plugin's
 * or selectHost's sake.
 */
export function schedulePod(
  framework: Framework,
  pod: Pod,
  nodeInfos: readonly NodeInfo[],
  options: ScheduleOptions,
): ScheduleResult {
  const state: CycleState = new Map();
  const search = findNodesThatFit(framework, state, pod, nodeInfos, options);
  const { feasible, ...searchFields } = search;
  const result: ScheduleResult = {
    ...searchFields,
    pod: `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`,
    outcome: 'Scheduled',
    numAllNodes: nodeInfos.length,
    feasibleNodes: feasible.map((nodeInfo) => nodeInfo.name),
    scorePlugins: [],
    totalScores: [],
    top: [],
    tiedAtTop: 0,
  };
  if (nodeInfos.length === 0)
    return {
      ...result,
      outcome: 'Unschedulable',
      status: newStatus('UnschedulableAndUnresolvable', NoNodesAvailableMessage),
      message: NoNodesAvailableMessage,
    };
  if (search.status.code === 'Error') return { ...result, outcome: 'Error', message: statusMessage(search.status) };
  if (feasible.length === 0) return unschedulable(framework, state, pod, nodeInfos, result);
  const [only] = feasible;
  if (feasible.length === 1 && only) return { ...result, selectedNode: only.name, tiedAtTop: 1 };
  const scores = prioritizeNodes(framework, state, pod, feasible, nodeInfos);
  if (!isSuccess(scores.status))
    return { ...result, outcome: 'Error', status: scores.status, message: statusMessage(scores.status) };
  let selection: HostSelection;
  try {
    const [first, ...others] = feasible.map((nodeInfo, index) => ({
      name: nodeInfo.name,
      score: scores.totals[index] ?? 0,
    }));
    // Kubernetes' errEmptyPriorityList; never met here, where two nodes or more are feasible.
    if (!first) throw new Error('empty priorityList');
    selection = selectHost([first, ...others], options.random);
  } catch (error) {
    // Kubernetes' selectHost returns its error, and the attempt fails as a plugin error would.
    const status = asErrorStatus(error);
    return { ...result, outcome: 'Error', status, message: statusMessage(status) };
  }
  return {
    ...result,
    selectedNode: selection.selected.name,
    scorePlugins: scores.plugins,
    totalScores: scores.totals,
    top: selection.top,
    tiedAtTop: selection.tiedAtTop,
  };
}
// #endregion schedule-pod

// #region select-host exercise=select-host points=15
/**
 * The highest total wins; among equals, reservoir sampling: the k-th node seen with the top
 * score replaces the pick with probability 1/k, so each tied node wins equally often.
 */
export function selectHost(scores: readonly [NodeScore, ...NodeScore[]], random: RandomInt): HostSelection {
  let selected = scores[0];
  let tiedAtTop = 0;
  for (const candidate of scores) {
    if (candidate.score > selected.score) {
      selected = candidate;
      tiedAtTop = 1;
    } else if (candidate.score === selected.score) {
      tiedAtTop++;
      if (random(tiedAtTop) === 0) selected = candidate;
    }
  }
  return { selected, tiedAtTop, top: highestScores(scores, selected, NumberOfHighestScoredNodesToReport) };
}
// #endregion select-host

/** Nothing fit: ask the PostFilter plugins (preemption), then build the FailedScheduling message. */
function unschedulable(
  framework: Framework,
  state: CycleState,
  pod: Pod,
  nodeInfos: readonly NodeInfo[],
  result: ScheduleResult,
): ScheduleResult {
  const preFilterFailed = result.status.code !== 'Success';
  // A PreFilter rejection stands for every node (Kubernetes' absent-nodes status).
  const nodeStatuses = new Map<string, Status>(
    preFilterFailed
      ? nodeInfos.map((nodeInfo) => [nodeInfo.name, result.status])
      : result.rejected.map(({ node, status }) => [node, status]),
  );
  const postFilterStatus = runPostFilterPlugins(framework, state, pod, nodeInfos.length, nodeStatuses);
  if (postFilterStatus.code === 'Error')
    return { ...result, outcome: 'Error', status: postFilterStatus, message: statusMessage(postFilterStatus) };
  const message = fitErrorMessage({
    numAllNodes: nodeInfos.length,
    nodeStatuses: nodeStatuses.values(),
    preFilterMessage: preFilterFailed ? statusMessage(result.status) : undefined,
    postFilterMessage: statusMessage(postFilterStatus),
  });
  const status = preFilterFailed ? result.status : newStatus('Unschedulable', message);
  return { ...result, outcome: 'Unschedulable', status, message, postFilterStatus };
}

/** The selected node, then the best of the others in descending score, `count` in all. */
function highestScores(scores: readonly NodeScore[], selected: NodeScore, count: number): NodeScore[] {
  const others: NodeScore[] = [];
  for (const candidate of scores) {
    if (candidate === selected) continue;
    if (
      others.length === count - 1 &&
      (others[others.length - 1]?.score ?? Number.NEGATIVE_INFINITY) >= candidate.score
    )
      continue;
    others.push(candidate);
    others.sort((a, b) => b.score - a.score);
    if (others.length > count - 1) others.pop();
  }
  return [selected, ...others];
}
