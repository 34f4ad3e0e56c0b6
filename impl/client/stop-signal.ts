// How a kubelab process learns it must stop: SIGTERM (what a container engine sends, then
// SIGKILL after a grace period) or SIGINT (Ctrl-C).
//
// The handler runs once. A second signal while stopping is answered with a line, not by
// dying half-way: stopping is already under way and has its own deadline.
// Real Kubernetes: k8s.io/apiserver/pkg/server.SetupSignalHandler (a second signal exits at
// once there; kubelab's processes let the engine's SIGKILL do that).

export function onStopSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        process.stderr.write(`${signal}: already stopping\n`);
        return;
      }
      stopping = true;
      stop(signal);
    });
  }
}
