// Taint-based eviction, the pure part: how long a pod may stay on a node with NoExecute taints.
//
// "NoExecute: pods that do not tolerate the taint are evicted immediately; pods that tolerate
// it without tolerationSeconds stay bound forever; pods that tolerate it with tolerationSeconds
// stay bound for that long." With several taints, every one must be tolerated, and the
// shortest tolerationSeconds among the tolerations used wins; zero or less means now.
//
// Real Kubernetes: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
// getMinTolerationTime), api/core/v1/helper (GetMatchingTolerations) and
// api/core/v1/toleration.go (ToleratesTaint).

import { toleratesTaint } from '../../client/tolerations.js';
import type { Taint, Toleration } from '../../client/types.js';

export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((taint) => taint.effect === 'NoExecute');
}

// #region eviction-delay
/**
 * Seconds until the pod must go: 0 when a NoExecute taint is not tolerated, the smallest
 * tolerationSeconds of the tolerations used otherwise, and undefined (never) when there is
 * no NoExecute taint or every toleration used lasts forever.
 */
export function evictionDelaySeconds(taints: readonly Taint[], tolerations: readonly Toleration[]): number | undefined {
  if (taints.length === 0) return undefined;
  const used: Toleration[] = [];
  for (const taint of taints) {
    const toleration = tolerations.find((candidate) => toleratesTaint(candidate, taint));
    if (!toleration) return 0;
    used.push(toleration);
  }
  const limits = used
    .map((toleration) => toleration.tolerationSeconds)
    .filter((seconds): seconds is number => seconds !== undefined && seconds !== null);
  if (limits.length === 0) return undefined;
  return Math.max(0, Math.min(...limits));
}
// #endregion eviction-delay

/** When the pod is deleted: the delay counted from when the controller first saw the pod tainted. */
export function evictionDeadline(firstSeenTainted: number, delaySeconds: number): number {
  return firstSeenTainted + delaySeconds * 1000;
}
