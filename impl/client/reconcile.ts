// The reconcile loop every component shares: keys in, one reconcile per key, a retry policy.
//
// Controllers, the node agent and (later) the kubelet and kube-proxy all run their work through
// it, so they all retry alike.
//
// "A controller watches the API server, compares desired state with actual state, and acts
// to bring them together; it does it again whenever anything changes, and again after a
// failure." Workers take a namespace/name key from the queue and call reconcile(key). What
// happens next is decided here, in one place, as controller-runtime does:
//   - a Result with requeueAfter: come back later (forget past failures);
//   - a thrown error: retry with a growing delay, and log why;
//   - a TerminalError: the input cannot work; log it and do not retry;
//   - NotFound for the object itself (the Status names it): it is gone, nothing to do.
//
// Real Kubernetes: controller-runtime pkg/internal/controller/controller.go
// (processNextWorkItem, reconcileHandler); client-go's sample-controller.

import { isNotFoundNamed } from './api-errors.js';
import type { Logger } from './logger.js';
import type { WorkQueue } from './workqueue.js';

export interface Result {
  requeueAfterMs?: number;
}

/** An error that retrying cannot fix: logged once, never retried. */
export class TerminalError extends Error {}

export interface Reconciler {
  readonly name: string;
  /** Makes the world match the object behind `key`. May run again at any time, for any reason. */
  reconcile(key: string): Promise<Result>;
}

export class ControllerRunner {
  /** `queue` is the one the reconciler's event handlers add keys to. */
  constructor(
    private readonly reconciler: Reconciler,
    private readonly queue: WorkQueue,
    private readonly logger: Logger,
    private readonly workers = 2,
  ) {}

  async run(signal: AbortSignal): Promise<void> {
    signal.addEventListener('abort', () => this.queue.shutDown(), { once: true });
    await Promise.all(Array.from({ length: this.workers }, () => this.worker()));
  }

  private async worker(): Promise<void> {
    while (await this.processNextWorkItem()) {
      // Each pass handles one key; the loop ends when the queue shuts down.
    }
  }

  // #region process-next-work-item
  private async processNextWorkItem(): Promise<boolean> {
    const key = await this.queue.get();
    if (key === undefined) return false;
    try {
      const result = await this.reconciler.reconcile(key);
      this.queue.forget(key);
      if (result.requeueAfterMs !== undefined) this.queue.addAfter(key, result.requeueAfterMs);
    } catch (error) {
      if (error instanceof TerminalError) {
        this.logger.error('reconcile failed for good, not retrying', { controller: this.reconciler.name, key, error });
        this.queue.forget(key);
      } else if (isNotFoundNamed(error, nameOf(key))) {
        this.queue.forget(key);
      } else {
        this.logger.error('reconcile failed, will retry', {
          controller: this.reconciler.name,
          key,
          error,
          retries: this.queue.numRequeues(key),
        });
        this.queue.addRateLimited(key);
      }
    } finally {
      this.queue.done(key);
    }
    return true;
  }
  // #endregion process-next-work-item
}

/** The name in a `namespace/name` or `name` key. */
function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
