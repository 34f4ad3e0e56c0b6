// Node taints from node conditions: how a node's health becomes something the scheduler and the
// taint-eviction controller act on.
//
// "The node controller taints a node according to its conditions: not-ready, unreachable,
// memory-pressure, disk-pressure, pid-pressure, network-unavailable, and unschedulable for a
// cordoned node." Every bad condition gives a NoSchedule taint (TaintNodesByCondition), so no
// new pod lands there; Ready=False or Ready=Unknown also gives a NoExecute taint, the one that
// evicts running pods. The controller owns only these keys and leaves every other taint alone;
// a taint it keeps keeps its timeAdded, a taint it adds gets the current time.
//
// kubelab adds the NoExecute taint at once, with no per-zone rate limit. Real Kubernetes:
// pkg/controller/nodelifecycle/node_lifecycle_controller.go (nodeConditionToTaintKeyStatusMap,
// doNoScheduleTaintingPass, doNoExecuteTaintingPass, markNodeAsReachable) and
// api/core/v1/well_known_taints.go.

import type { Node, Taint } from '../../client/types.js';

export const NotReadyTaintKey = 'node.kubernetes.io/not-ready';
export const UnreachableTaintKey = 'node.kubernetes.io/unreachable';
export const UnschedulableTaintKey = 'node.kubernetes.io/unschedulable';

/** Which condition, in which status, gives which NoSchedule taint. */
const conditionTaintKeys: Record<string, Partial<Record<string, string>>> = {
  Ready: { False: NotReadyTaintKey, Unknown: UnreachableTaintKey },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const noScheduleKeys = new Set([
  ...Object.values(conditionTaintKeys).flatMap((byStatus) => Object.values(byStatus)),
  UnschedulableTaintKey,
]);
const noExecuteKeys = new Set([NotReadyTaintKey, UnreachableTaintKey]);

// #region desired-taints
/** The taints the node lifecycle controller wants on this node, without timeAdded. */
export function desiredControllerTaints(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = conditionTaintKeys[condition.type]?.[condition.status];
    if (key) taints.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) taints.push({ key: UnschedulableTaintKey, effect: 'NoSchedule' });
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  if (ready?.status === 'False') taints.push({ key: NotReadyTaintKey, effect: 'NoExecute' });
  else if (ready?.status === 'Unknown') taints.push({ key: UnreachableTaintKey, effect: 'NoExecute' });
  // A node that never posted Ready keeps whatever NoExecute taint it has until it does.
  else if (!ready)
    taints.push(
      ...(node.spec?.taints ?? []).filter((taint) => taint.effect === 'NoExecute' && noExecuteKeys.has(taint.key)),
    );
  return taints;
}
// #endregion desired-taints

/** Whether the controller owns this taint (it never touches the others). */
export function isControllerTaint(taint: Taint): boolean {
  if (taint.effect === 'NoSchedule') return noScheduleKeys.has(taint.key);
  return taint.effect === 'NoExecute' && noExecuteKeys.has(taint.key);
}

// #region reconcile-taints
/**
 * The node's taints with the controller's own brought in line with `desired`: other taints
 * unchanged and first, kept ones with their timeAdded, new ones stamped `now`. Undefined when
 * nothing changes, so the caller writes only when it must.
 */
export function reconcileTaints(
  current: readonly Taint[],
  desired: readonly Taint[],
  now: string,
): Taint[] | undefined {
  const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const others = current.filter((taint) => !isControllerTaint(taint));
  const kept = current.filter((taint) => isControllerTaint(taint) && desired.some((wanted) => same(wanted, taint)));
  const added = desired
    .filter((wanted) => !current.some((taint) => same(taint, wanted)))
    .map((taint) => ({ ...taint, timeAdded: now }));
  if (added.length === 0 && kept.length === current.length - others.length) return undefined;
  return [...others, ...kept, ...added];
}
// #endregion reconcile-taints
