// The namespace cache: NamespaceLifecycle admission looks namespaces up here, not in etcd.
//
// "Admission must be cheap: it runs on every write." Checking that a namespace exists would
// cost an etcd read per create; instead the API server keeps every namespace in memory, filled
// by a list and kept current by a watch. A namespace created a moment ago may not be in the
// cache yet, so a miss falls back to a live read, as the real plugin does.
//
// kubelab lists and watches the store directly, inside the API server, and names a watch's
// failure as the registry would (storage-errors.ts); kube-apiserver's informer goes through
// its loopback client. Real Kubernetes: plugin/pkg/admission/namespace/lifecycle/admission.go
// (a namespace informer plus a live lookup on a miss).

import type { Logger } from '../client/logger.js';
import type { KubeObject } from '../client/types.js';
import type { KeyedResource } from '../store/registry-keys.js';
import type { Store } from '../store/store.js';
import type { StoreWatch } from '../store/watch.js';
import { interpretWatchError } from './storage-errors.js';

const RelistDelayMs = 1000;

export class NamespaceCache {
  private readonly namespaces = new Map<string, KubeObject>();
  private watch?: StoreWatch;
  private isStopped = false;

  constructor(
    private readonly store: Store,
    private readonly resource: KeyedResource,
    private readonly logger: Logger,
  ) {}

  // #region namespace-cache-sync
  /** List, then watch from the list's revision; on any watch error, list again. */
  async start(): Promise<void> {
    const snapshot = await this.store.list(this.resource, undefined);
    this.namespaces.clear();
    for (const namespace of snapshot.items) this.namespaces.set(namespace.metadata.name ?? '', namespace);
    this.watch = await this.store.watch(this.resource, undefined, snapshot.revision, {
      onEvent: (type, namespace) => {
        const name = namespace.metadata.name ?? '';
        if (type === 'DELETED') this.namespaces.delete(name);
        else this.namespaces.set(name, namespace);
      },
      onError: (error) => {
        this.logger.error('namespace watch ended, listing again', { reason: interpretWatchError(error).reason });
        void this.restart();
      },
    });
  }
  // #endregion namespace-cache-sync

  get(name: string): KubeObject | undefined {
    return this.namespaces.get(name);
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    await this.watch?.stop();
  }

  /** Start, or start again after the watch ended: list and watch until that succeeds. */
  async restart(): Promise<void> {
    await this.watch?.stop().catch(() => undefined);
    while (!this.isStopped) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.logger.error('namespace cache could not list, retrying', { error });
        await new Promise((resolve) => setTimeout(resolve, RelistDelayMs));
      }
    }
  }
}
