// The work queue: keys waiting to be reconciled, each at most once, retried with backoff.
//
// "A controller's queue holds keys, not events." Adding a key that is already waiting does
// nothing, so ten changes to one object cost one reconcile. A key being worked on is never
// handed to a second worker; if it changes meanwhile it is queued again for after. A failed key
// comes back after an exponentially growing delay (5 ms, 10 ms, ... up to a cap) until the
// controller forgets it on success.
//
// kubelab's rate limiter is per item only (no overall token bucket). Real Kubernetes:
// client-go/util/workqueue (queue.go, delaying_queue.go, default_rate_limiters.go).

export interface WorkQueueOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly waiting = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirtyWhileProcessing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly getters: Array<(key: string | undefined) => void> = [];
  private isShutDown = false;

  constructor(private readonly options: WorkQueueOptions = {}) {}

  // #region workqueue-add
  add(key: string): void {
    if (this.isShutDown) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    const getter = this.getters.shift();
    if (getter) {
      this.waiting.delete(key);
      this.processing.add(key);
      getter(key);
    } else {
      this.queue.push(key);
    }
  }
  // #endregion workqueue-add

  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.add(key);
    }, delayMs);
    this.timers.add(timer);
  }

  /** Requeue after a failure: the delay doubles with each consecutive failure of this key. */
  addRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    const delay = Math.min((this.options.baseDelayMs ?? 5) * 2 ** failures, this.options.maxDelayMs ?? 60_000);
    this.addAfter(key, delay);
  }

  /** The key succeeded: its next failure starts from the base delay again. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** The next key to work on, or undefined once the queue is shut down. Call done(key) after. */
  get(): Promise<string | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) {
      this.waiting.delete(key);
      this.processing.add(key);
      return Promise.resolve(key);
    }
    if (this.isShutDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirtyWhileProcessing.delete(key)) this.add(key);
  }

  get length(): number {
    return this.queue.length;
  }

  shutDown(): void {
    this.isShutDown = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const getter of this.getters.splice(0)) getter(undefined);
  }
}
