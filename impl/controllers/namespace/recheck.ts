// When the namespace controller looks again at a namespace whose content is still going.
//
// Content that remains is not a failure: pods are stopping, finalizers are pending. Kubernetes'
// namespace controller answers a pass that left content with "look again in estimate/2 + 1
// seconds", every time, and backs off only after real errors; a delay that doubles on every
// pass would soon be longer than the content takes to go, and the namespace would stay
// Terminating long after its last object left. kubelab looks every second while the estimate
// lasts, so a namespace goes promptly, then falls back to Kubernetes' own interval.
// Real Kubernetes: pkg/controller/namespace/namespace_controller.go (worker: a
// ResourcesRemainingError is requeued with AddAfter, anything else with AddRateLimited).

/** How often kubelab looks while the content may still be on its way out. */
export const ContentRemainingRecheckMs = 1000;

// #region recheck-after
/** When to look again at a namespace deleted `deletedForMs` ago, its content estimated to take `estimateSeconds`. */
export function recheckAfterMs(deletedForMs: number, estimateSeconds: number): number {
  if (deletedForMs < estimateSeconds * 1000) return ContentRemainingRecheckMs;
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}
// #endregion recheck-after
