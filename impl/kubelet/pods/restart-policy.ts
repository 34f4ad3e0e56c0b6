// Whether a container that exited starts again: its pod's restartPolicy decides.
//
// "Always restarts a container whatever its exit code; OnFailure only after a non-zero exit;
// Never not at all. An init container that completed is done; one that failed runs again
// unless the policy is Never." Real Kubernetes: pkg/kubelet/container/helpers.go
// (ShouldContainerBeRestarted), pkg/kubelet/kuberuntime/kuberuntime_container.go.

/** restartPolicy: Always restarts every exit, OnFailure only a failure, Never none. */
export function shouldRestart(restartPolicy: string, exitCode: number, init = false): boolean {
  if (init) return exitCode !== 0 && restartPolicy !== 'Never';
  if (restartPolicy === 'Never') return false;
  return restartPolicy === 'Always' || exitCode !== 0;
}
