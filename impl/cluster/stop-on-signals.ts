// Stop on the first SIGINT or SIGTERM, and keep stopping whatever signals follow.
//
// Removing a cluster takes seconds (each component gets a grace period to exit). A person who
// presses Ctrl-C again meanwhile, or a script that sends SIGTERM after SIGINT, must not cut
// that short: Node's default for a signal nobody handles is to die at once, which would leave
// every container running. So the handler stays installed, and a repeated signal only says the
// stop is still under way. One Ctrl-C in a terminal reaches this process twice (from the
// terminal, and forwarded by npm, whose child this is), so a repeat within ECHO_WINDOW_MS is
// taken for that same Ctrl-C. Real Kubernetes: kubelet and kube-apiserver stop on the first
// SIGINT/SIGTERM and exit at once on the second (k8s.io/apiserver/pkg/server/signal.go); kind
// and kubelab instead own containers that nothing else would remove, so they finish the stop.

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const ECHO_WINDOW_MS = 1_000;

type StopFunction = () => Promise<void>;

export interface SignalStop {
  /** Whether a signal came, and its stop is under way: the process exits when that is done. */
  readonly signalled: boolean;
}

/** Install the handlers now; on the first signal print `stoppingMessage(signal)`, run `stop`, and exit. */
export function stopOnSignals(stoppingMessage: (signal: NodeJS.Signals) => string, stop: StopFunction): SignalStop {
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    const now = performance.now();
    if (firstSignalAt !== undefined) {
      const isEcho = now - firstSignalAt <= ECHO_WINDOW_MS;
      if (!isEcho) console.log(`${signal}: still stopping; this exits once everything is removed.`);
      return;
    }
    firstSignalAt = now;
    console.log(`\n${stoppingMessage(signal)}`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    get signalled() {
      return firstSignalAt !== undefined;
    },
  };
}
