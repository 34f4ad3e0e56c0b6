// How long to wait before starting a dead component again: the kubelet's container back-off.
//
// "After containers in a Pod exit, the kubelet restarts them with an exponential back-off
// delay (10s, 20s, 40s, ...), that is capped at five minutes. Once a container has executed
// for 10 minutes without any problems, the kubelet resets the restart back-off timer"
// (kubernetes.io, Pod Lifecycle). The first exit after a quiet spell is restarted at once.
// Real Kubernetes: pkg/kubelet/kuberuntime (doBackOff) over client-go's flowcontrol.Backoff.

export const InitialBackoffMs = 10_000;
export const MaxBackoffMs = 300_000;
/** Running this long without dying forgets the earlier deaths. */
export const ResetAfterMs = 600_000;

export interface BackoffState {
  /** How many times in a row it died without a quiet spell between. */
  readonly deaths: number;
  /** When it was last started (ms). */
  readonly startedAt: number;
}

// #region restart-delay
/** The delay before the restart that follows a death at `now`, and the state to keep. */
export function restartDelay(state: BackoffState | undefined, now: number): { delayMs: number; deaths: number } {
  const deaths = state && now - state.startedAt < ResetAfterMs ? state.deaths + 1 : 1;
  if (deaths === 1) return { delayMs: 0, deaths };
  return { delayMs: Math.min(InitialBackoffMs * 2 ** (deaths - 2), MaxBackoffMs), deaths };
}
// #endregion restart-delay
