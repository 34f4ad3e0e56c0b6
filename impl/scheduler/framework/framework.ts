// The framework: a profile's plugins, sorted by extension point, and the code that runs them.
//
// "A scheduling profile enables plugins at extension points; the framework calls them in order
// and stamps each verdict with the plugin that gave it." Building a Framework looks every
// plugin up in the registry once and files it under each point it implements (Kubernetes'
// multiPoint). Running a point turns a thrown exception into an Error status, so a buggy
// plugin fails one attempt, not the process.
//
// kubelab simplifies: plugins run one node at a time (Kubernetes runs Filter and Score on 16
// nodes in parallel), and a PreFilter rejection stops at the first plugin. Real Kubernetes:
// pkg/scheduler/framework/runtime/framework.go (NewFramework, RunFilterPlugins, ...).

import type { Pod } from '../../client/types.js';
import { asErrorStatus, errorWhile, isRejected, isSuccess, newStatus, SuccessStatus, withPlugin } from './status.js';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  Plugin,
  PostFilterPlugin,
  PreFilterPlugin,
  PreScorePlugin,
  Profile,
  Registry,
  ScorePlugin,
  Status,
} from './types.js';

/** A score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

export interface Framework {
  readonly profile: Profile;
  readonly preFilterPlugins: readonly PreFilterPlugin[];
  readonly filterPlugins: readonly FilterPlugin[];
  readonly postFilterPlugins: readonly PostFilterPlugin[];
  readonly preScorePlugins: readonly PreScorePlugin[];
  readonly scorePlugins: readonly WeightedScorePlugin[];
}

/** What a run of PreFilter or PreScore plugins decided for this pod. */
export interface PointResult {
  status: Status;
  /** Plugins that answered Skip: their Filter (or Score) does not run for this pod. */
  skipped: Set<string>;
}

/** Instantiates the profile's plugins from the registry and files them by extension point. */
export function newFramework(profile: Profile, registry: Registry): Framework {
  const preFilterPlugins: PreFilterPlugin[] = [];
  const filterPlugins: FilterPlugin[] = [];
  const postFilterPlugins: PostFilterPlugin[] = [];
  const preScorePlugins: PreScorePlugin[] = [];
  const scorePlugins: WeightedScorePlugin[] = [];
  for (const { name, weight = 1 } of profile.plugins) {
    const factory = registry.get(name);
    if (!factory)
      throw new Error(`newFramework: profile ${profile.schedulerName} enables ${name}, which is not in the registry`);
    const plugin = factory();
    if (plugin.name !== name)
      throw new Error(`newFramework: the factory for ${name} built a plugin named ${plugin.name}`);
    if (implementsPoint<PreFilterPlugin>(plugin, 'preFilter')) preFilterPlugins.push(plugin);
    if (implementsPoint<FilterPlugin>(plugin, 'filter')) filterPlugins.push(plugin);
    if (implementsPoint<PostFilterPlugin>(plugin, 'postFilter')) postFilterPlugins.push(plugin);
    if (implementsPoint<PreScorePlugin>(plugin, 'preScore')) preScorePlugins.push(plugin);
    if (implementsPoint<ScorePlugin>(plugin, 'score')) {
      if (!Number.isInteger(weight) || weight < 1)
        throw new Error(`newFramework: score plugin ${name} needs a positive integer weight, got ${weight}`);
      scorePlugins.push({ plugin, weight });
    }
  }
  return { profile, preFilterPlugins, filterPlugins, postFilterPlugins, preScorePlugins, scorePlugins };
}

/** Runs every PreFilter plugin; the first rejection or error ends the attempt for every node. */
export function runPreFilterPlugins(framework: Framework, state: CycleState, pod: Pod): PointResult {
  const skipped = new Set<string>();
  for (const plugin of framework.preFilterPlugins) {
    const status = guarded(() => plugin.preFilter(state, pod));
    if (status.code === 'Skip') skipped.add(plugin.name);
    else if (isRejected(status)) return { status: withPlugin(status, plugin.name), skipped };
    else if (!isSuccess(status))
      return { status: errorWhile(`running PreFilter plugin "${plugin.name}"`, status, plugin.name), skipped };
  }
  return { status: SuccessStatus, skipped };
}

// #region run-filter-plugins
/** Runs the filters on one node, stopping at the first that rejects it, as Kubernetes does. */
export function runFilterPlugins(
  filters: readonly FilterPlugin[],
  state: CycleState,
  pod: Pod,
  nodeInfo: NodeInfo,
): Status {
  for (const plugin of filters) {
    let status: Status;
    // Inline rather than through guarded(): this loop runs for every node of every attempt.
    try {
      status = plugin.filter(state, pod, nodeInfo);
    } catch (error) {
      status = asErrorStatus(error);
    }
    if (isSuccess(status)) continue;
    if (isRejected(status)) return withPlugin(status, plugin.name);
    return errorWhile(`running "${plugin.name}" filter plugin`, status, plugin.name);
  }
  return SuccessStatus;
}
// #endregion run-filter-plugins

/** Runs PostFilter plugins until one succeeds; otherwise their reasons together. */
export function runPostFilterPlugins(
  framework: Framework,
  state: CycleState,
  pod: Pod,
  numAllNodes: number,
  nodeStatuses: ReadonlyMap<string, Status>,
): Status {
  const reasons: string[] = [];
  let rejector: string | undefined;
  for (const plugin of framework.postFilterPlugins) {
    const status = guarded(() => plugin.postFilter(state, pod, numAllNodes, nodeStatuses));
    if (isSuccess(status)) return status;
    if (status.code === 'UnschedulableAndUnresolvable') return withPlugin(status, plugin.name);
    if (!isRejected(status)) return errorWhile(`running PostFilter plugin "${plugin.name}"`, status, plugin.name);
    reasons.push(...status.reasons);
    rejector ??= plugin.name;
  }
  const status = newStatus('Unschedulable', ...reasons);
  return rejector === undefined ? status : withPlugin(status, rejector);
}

/** Runs every PreScore plugin over the feasible nodes; the first error ends the attempt. */
export function runPreScorePlugins(
  framework: Framework,
  state: CycleState,
  pod: Pod,
  feasible: readonly NodeInfo[],
  all: readonly NodeInfo[],
): PointResult {
  const skipped = new Set<string>();
  for (const plugin of framework.preScorePlugins) {
    const status = guarded(() => plugin.preScore(state, pod, feasible, all));
    if (status.code === 'Skip') skipped.add(plugin.name);
    else if (!isSuccess(status))
      return { status: errorWhile(`running PreScore plugin "${plugin.name}"`, status, plugin.name), skipped };
  }
  return { status: SuccessStatus, skipped };
}

/** Calls `run`, turning an exception into an Error status. */
function guarded(run: () => Status): Status {
  try {
    return run();
  } catch (error) {
    return asErrorStatus(error);
  }
}

function implementsPoint<T extends Plugin>(plugin: Plugin, method: keyof T & string): plugin is T {
  return typeof (plugin as unknown as Record<string, unknown>)[method] === 'function';
}
