// The reflector: keeps a local copy of one resource in step with the API server.
//
// "Controllers do not poll: they list once, then watch from the list's resourceVersion." The
// reflector lists, hands the items to its store, and watches from the version the list was
// read at, so nothing between the two is missed. When the stream ends it watches again from the
// last version it saw; when the API server answers 410 Expired (history compacted) it lists
// again. Every component's view of the cluster comes through one of these.
//
// kubelab has no watch bookmarks or paginated lists in its reflector. Real Kubernetes:
// client-go/tools/cache/reflector.go (ListAndWatch, watchHandler).

import { isResourceExpired } from './api-errors.js';
import type { Logger } from './logger.js';
import type { RestClient, ResourceRef } from './rest-client.js';
import type { KubeObject, Status, WatchEvent } from './types.js';
import { sleep } from './sleep.js';

/** Where a reflector puts what it learns: the informer's cache. */
export interface ReflectorStore<T extends KubeObject> {
  replace(items: T[], resourceVersion: string): void;
  apply(event: WatchEvent<T>): void;
}

export interface ReflectorOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** How long one watch request lasts before the reflector opens the next (server-side timeout). */
  watchTimeoutSeconds?: number;
  /** Delay before retrying after an error, doubling up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export class Reflector<T extends KubeObject> {
  private resourceVersion = '';

  constructor(
    private readonly client: RestClient,
    private readonly ref: ResourceRef,
    private readonly store: ReflectorStore<T>,
    private readonly logger: Logger,
    private readonly options: ReflectorOptions = {},
  ) {}

  // #region list-and-watch
  /** Lists, then watches until `signal` aborts; relists whenever the history it needs is gone. */
  async run(signal: AbortSignal): Promise<void> {
    let backoffMs = this.options.initialBackoffMs ?? 200;
    let mustList = true;
    while (!signal.aborted) {
      try {
        if (mustList) await this.list();
        mustList = false;
        const outcome = await this.watch(signal);
        // 410 Expired: the version we resume from was compacted away. Start over with a list.
        if (outcome === 'expired') mustList = true;
        backoffMs = this.options.initialBackoffMs ?? 200;
      } catch (error) {
        if (signal.aborted) return;
        if (isResourceExpired(error)) mustList = true;
        this.logger.error('list/watch failed, retrying', { resource: this.ref.resource, error, backoffMs });
        await sleep(backoffMs, signal);
        backoffMs = Math.min(backoffMs * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }
  // #endregion list-and-watch

  private async list(): Promise<void> {
    const list = await this.client.list<T>(this.ref, this.selectors());
    this.resourceVersion = list.metadata.resourceVersion ?? '';
    this.store.replace(list.items, this.resourceVersion);
  }

  private async watch(signal: AbortSignal): Promise<'ended' | 'expired'> {
    let outcome: 'ended' | 'expired' = 'ended';
    const query = {
      ...this.selectors(),
      resourceVersion: this.resourceVersion,
      timeoutSeconds: String(this.options.watchTimeoutSeconds ?? 300),
    };
    await this.client.watch<T>(
      this.ref,
      query,
      (event) => {
        if (event.type === 'ERROR') {
          const status = event.object as unknown as Status;
          if (status.code === 410) outcome = 'expired';
          else
            this.logger.error('watch error', {
              resource: this.ref.resource,
              code: status.code,
              message: status.message,
            });
          return;
        }
        if (event.type !== 'BOOKMARK') this.store.apply(event);
        this.resourceVersion = event.object.metadata.resourceVersion ?? this.resourceVersion;
      },
      signal,
    );
    return outcome;
  }

  private selectors(): Record<string, string> {
    const query: Record<string, string> = {};
    if (this.options.labelSelector) query.labelSelector = this.options.labelSelector;
    if (this.options.fieldSelector) query.fieldSelector = this.options.fieldSelector;
    return query;
  }
}
