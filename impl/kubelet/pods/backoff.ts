// The kubelet's back-off: after each failure it waits twice as long before trying again.
//
// "A container that keeps crashing is restarted after 10 s, 20 s, 40 s … up to 5 minutes:
// CrashLoopBackOff." The first restart comes at once; each failure within the back-off doubles
// the wait. The same shape delays image pulls that fail (ImagePullBackOff). A container that
// ran well for twice the maximum starts again from the beginning.
// Real Kubernetes: k8s.io/client-go/util/flowcontrol/backoff.go (Backoff.Next, IsInBackOffSince),
// used by pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff).

export class Backoff {
  private readonly entries = new Map<string, { delayMs: number; lastUpdate: number }>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  // #region backoff-next exercise=crash-loop-back-off points=10
  /**
   * Records a failure of `key` at `now` and returns the wait before the next try: `initialMs`
   * for a first failure, then twice the last wait, up to `maxMs`. A failure more than twice
   * `maxMs` after the last one counts as a first again: the container had run well meanwhile.
   */
  next(key: string, now: number): number {
    const entry = this.entries.get(key);
    const fresh = entry === undefined || now - entry.lastUpdate > 2 * this.maxMs;
    const delayMs = fresh ? this.initialMs : Math.min(entry.delayMs * 2, this.maxMs);
    this.entries.set(key, { delayMs, lastUpdate: now });
    return delayMs;
  }
  // #endregion backoff-next

  /** The current wait for `key` (0 before any failure). */
  delay(key: string): number {
    return this.entries.get(key)?.delayMs ?? 0;
  }

  /** How long, from `now`, until a failure at `since` is out of its back-off (0: it is). */
  remaining(key: string, since: number, now: number): number {
    const entry = this.entries.get(key);
    return entry === undefined ? 0 : Math.max(0, since + entry.delayMs - now);
  }

  /** How long, from `now`, until the last failure's back-off ends (0: it has). */
  remainingSinceLastFailure(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry === undefined ? 0 : Math.max(0, entry.lastUpdate + entry.delayMs - now);
  }

  forget(keyPrefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(keyPrefix)) this.entries.delete(key);
  }
}

/** Go's time.Duration text, as the kubelet's back-off messages print it: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}
