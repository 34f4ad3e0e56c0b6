// A pod's phase, computed from its containers' states and its restart policy.
//
// "Pending until every container has started; Running while any runs or will be restarted;
// Succeeded when all ended with exit code 0; Failed when all ended and one failed for good,
// or an init container failed and the policy is Never."
// The phase is a summary the kubelet computes, never a state it keeps: the same containers
// always give the same phase.
// Real Kubernetes: pkg/kubelet/kubelet_pods.go (getPhase).
import type { ContainerView } from './container-view.js';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

// #region pod-phase exercise=pod-phase points=10
export function podPhase(
  restartPolicy: RestartPolicy,
  initContainers: readonly ContainerView[],
  containers: readonly ContainerView[],
): PodPhase {
  // Init containers: each must complete (exit 0) before anything else starts.
  let pendingInit = 0;
  let failedInit = 0;
  for (const container of initContainers) {
    const ended = container.state.terminated ?? container.lastState.terminated;
    if (container.state.running || !ended) pendingInit++;
    else if (ended.exitCode !== 0) failedInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const container of containers) {
    if (container.state.running) running++;
    else if (container.state.terminated) {
      stopped++;
      if (container.state.terminated.exitCode === 0) succeeded++;
    } else if (container.lastState.terminated) {
      // Waiting to be restarted after it ran: it counts as stopped, not as never started.
      stopped++;
    } else waiting++;
  }
  // An init container that failed is never run again under Never: the pod has failed.
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}
// #endregion pod-phase
