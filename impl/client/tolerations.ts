// Whether a toleration matches a taint: the rule the scheduler and the taint eviction
// controller both apply.
//
// "Taints allow a node to repel a set of pods; tolerations allow the scheduler to schedule pods
// with matching taints" (kubernetes.io, Taints and Tolerations). The scheduler asks it to keep
// pods off a node; the taint eviction controller asks it to decide which pods leave a node
// tainted NoExecute. Kubernetes writes the rule once, as a method of the API type both import,
// and so does kubelab: here, beside the client every component shares.
// Real Kubernetes: k8s.io/api/core/v1/toleration.go (Toleration.ToleratesTaint).

import type { Taint, Toleration } from './types.js';

// #region tolerates-taint exercise=tolerates-taint points=10
/**
 * Whether one toleration matches one taint (Toleration.ToleratesTaint): an empty effect matches
 * every effect, an empty key every key; `Exists` ignores the value, `Equal` (the default)
 * requires the same value.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}
// #endregion tolerates-taint
