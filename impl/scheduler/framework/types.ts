// The scheduling framework's extension points, as small typed interfaces.
//
// "The scheduler filters the nodes that can run a pod, scores the rest and picks the best."
// Each step is an extension point that plugins implement: PreFilter and Filter decide
// feasibility, PreScore, Score and NormalizeScore rank, PostFilter reacts when nothing fits.
// A plugin answers with a Status value; "does not fit" is a value, never an exception.
//
// kubelab simplifies: one profile, no Reserve/Permit/Bind points (the process binds), no
// PreFilterResult node subsets, no queueing hints. Real Kubernetes:
// staging/src/k8s.io/kube-scheduler/framework/interface.go and
// pkg/scheduler/framework/types.go (NodeInfo, Resource, HostPortInfo).

import type { Node, Pod } from '../../client/types.js';

/** The highest score a plugin may give a node after normalization (Kubernetes' MaxNodeScore). */
export const MaxNodeScore = 100;
/** The lowest score a plugin may give a node after normalization (Kubernetes' MinNodeScore). */
export const MinNodeScore = 0;

/**
 * What a plugin says.
 * - `Success`: the node fits (Filter) or the step went well.
 * - `Unschedulable`: the node does not fit now; preemption might make room.
 * - `UnschedulableAndUnresolvable`: the node does not fit and preemption would not help.
 * - `Error`: something broke; the whole scheduling attempt fails and is retried.
 * - `Skip`: from PreFilter or PreScore, "this pod is none of my business": the framework then
 *   skips the plugin's Filter or Score for this cycle.
 */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

export interface Status {
  readonly code: StatusCode;
  /** The reasons, each a fixed Kubernetes sentence such as `Insufficient cpu`. */
  readonly reasons: readonly string[];
  /** The plugin that returned it, stamped by the framework on every non-success status. */
  readonly plugin?: string;
}

/**
 * Per-cycle scratch space shared by the extension points of one scheduling attempt, keyed by
 * `"<Point><Plugin>"` (`PreFilterNodeResourcesFit`). Thrown away after the attempt.
 */
export type CycleState = Map<string, unknown>;

/** Resources as the scheduler counts them: millicores, bytes and a pod count. */
export interface Resources {
  milliCpu: number;
  memory: number;
  pods: number;
}

/**
 * Everything the scheduler knows about one node: the Node, the pods bound (or assumed) to it,
 * and running sums kept up to date as pods come and go, so that filters never re-add them.
 */
export interface NodeInfo {
  readonly node: Node;
  readonly name: string;
  readonly pods: Pod[];
  /** status.allocatable; `pods` is the maximum number of pods. */
  readonly allocatable: Resources;
  /** Sum of the pods' requests, as NodeResourcesFit's filter and BalancedAllocation use them. */
  readonly requested: Resources;
  /** The same with 100m CPU / 200Mi memory for each container that requests none (scoring only). */
  readonly nonZeroRequested: Resources;
  /** Host ports in use, as `ip/protocol/port` keys (`0.0.0.0/TCP/80`). */
  readonly usedPorts: Set<string>;
  /**
   * Pods per controller owner UID, terminating pods left out: kubelab's index for spreading,
   * so PodTopologySpread reads a count instead of scanning every pod of every node.
   */
  readonly controllerPods: Map<string, number>;
}

/** A node's name and one plugin's score for it (Kubernetes' NodeScore). */
export interface NodeScore {
  name: string;
  score: number;
}

export interface Plugin {
  /** The Kubernetes plugin name, used in configuration, statuses and explanations. */
  readonly name: string;
}

/** Runs once per scheduling attempt, before any Filter; may precompute into the CycleState. */
export interface PreFilterPlugin extends Plugin {
  /** Success to go on, Skip to drop this plugin's Filter for this pod, Unschedulable* to fail the pod on every node. */
  preFilter(state: CycleState, pod: Pod): Status;
}

/**
 * Decides whether the pod can run on one node. Must be pure with respect to `nodeInfo` (it may
 * run on many nodes in any order, and Kubernetes runs it on 16 nodes at once): read the state
 * written by PreFilter, never write it. Returns Success, Unschedulable or
 * UnschedulableAndUnresolvable with reasons; anything else is treated as an Error.
 */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status;
}

/**
 * Runs when no node passed the filters, with each node's rejection: preemption lives here.
 * Its message is appended to the FailedScheduling message.
 */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: Pod, numAllNodes: number, nodeStatuses: ReadonlyMap<string, Status>): Status;
}

/**
 * Runs once per attempt over the feasible nodes before Score. `allNodes` is the whole snapshot
 * (Kubernetes gives plugins the snapshot through the framework handle). Skip drops the plugin's
 * Score for this pod: it then adds nothing to any node.
 */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: Pod, feasibleNodes: readonly NodeInfo[], allNodes: readonly NodeInfo[]): Status;
}

/**
 * Ranks one feasible node. The raw score may have any scale if `normalizeScore` is given;
 * after normalization every score must lie in [MinNodeScore, MaxNodeScore] or the attempt
 * fails with an Error. `normalizeScore` rewrites the list in place, one entry per feasible node.
 */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): { score: number; status?: Status };
  normalizeScore?(state: CycleState, pod: Pod, scores: NodeScore[]): Status;
}

/** Builds a plugin; the registry maps each name to one. */
export type PluginFactory = () => Plugin;

/** Plugin names to factories (Kubernetes' in-tree registry). */
export type Registry = ReadonlyMap<string, PluginFactory>;

/** One plugin of a profile; a plugin that implements Score is weighted (default 1). */
export interface PluginConfig {
  name: string;
  weight?: number;
}

/**
 * A scheduler profile in Kubernetes' `multiPoint` form: each plugin is enabled at every
 * extension point it implements, in this order.
 */
export interface Profile {
  schedulerName: string;
  plugins: readonly PluginConfig[];
  /** 0 or absent: adaptive (50% minus 1% per 125 nodes, at least 5%); 100: every node. */
  percentageOfNodesToScore?: number;
}
