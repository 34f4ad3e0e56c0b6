// The informer: a local, indexed cache of one resource, and callbacks when it changes.
//
// "Read from the cache, write to the API server." A component asks its informer, not the API
// server, what pods or nodes exist; the reflector keeps the cache current, and the informer
// tells event handlers what was added, updated or deleted. Handlers only enqueue keys: the
// decision is taken later, from the cache, so a burst of changes costs one reconcile.
//
// One informer per resource serves every controller in a process that asks for it (the
// controller manager keeps them in a map, where client-go has a SharedInformerFactory); it has
// no resync period. Real Kubernetes: client-go/tools/cache (shared_informer.go,
// thread_safe_store.go, index.go).

import { WatchDelayAnnotation } from './kubelab-annotations.js';
import type { Logger } from './logger.js';
import { Reflector, type ReflectorOptions, type ReflectorStore } from './reflector.js';
import type { RestClient, ResourceRef } from './rest-client.js';
import type { KubeObject, WatchEvent } from './types.js';

export interface EventHandlers<T extends KubeObject> {
  onAdd?(object: T): void;
  onUpdate?(previous: T, current: T): void;
  onDelete?(object: T): void;
}

export type IndexFunction<T> = (object: T) => string[];

/** `namespace/name` for namespaced objects, `name` otherwise: the key work queues carry. */
export function keyOf(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${namespace}/${name}` : (name ?? '');
}

export class Informer<T extends KubeObject> implements ReflectorStore<T> {
  private readonly items = new Map<string, T>();
  private readonly handlers: EventHandlers<T>[] = [];
  private readonly indexers = new Map<string, IndexFunction<T>>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private readonly reflector: Reflector<T>;
  private isSynced = false;
  private readonly synced: Promise<void>;
  private markSynced: () => void = () => {};

  constructor(client: RestClient, ref: ResourceRef, logger: Logger, options: ReflectorOptions = {}) {
    this.reflector = new Reflector(client, ref, this, logger, options);
    this.synced = new Promise((resolve) => {
      this.markSynced = resolve;
    });
  }

  addEventHandler(handlers: EventHandlers<T>): void {
    this.handlers.push(handlers);
  }

  /** Adds an index before start: `byIndex(name, value)` then finds objects in O(1). */
  addIndex(name: string, index: IndexFunction<T>): void {
    this.indexers.set(name, index);
    this.indexes.set(name, new Map());
  }

  run(signal: AbortSignal): Promise<void> {
    return this.reflector.run(signal);
  }

  /** Resolves once the first list has filled the cache. */
  waitForSync(): Promise<void> {
    return this.synced;
  }

  get hasSynced(): boolean {
    return this.isSynced;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  byIndex(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.get(value) ?? new Set<string>();
    return [...keys].map((key) => this.items.get(key)).filter((item): item is T => item !== undefined);
  }

  // #region informer-store
  /** A fresh list: anything not in it was deleted while we were not watching. */
  replace(items: T[], _resourceVersion: string): void {
    const fresh = new Map(items.map((item) => [keyOf(item), item]));
    for (const [key, old] of this.items) if (!fresh.has(key)) this.remove(key, old);
    for (const [key, item] of fresh) this.upsert(key, item);
    if (!this.isSynced) {
      this.isSynced = true;
      this.markSynced();
    }
  }

  applyEvent(event: WatchEvent<T>): void {
    const key = keyOf(event.object);
    if (event.type === 'DELETED') this.remove(key, event.object);
    else this.upsert(key, event.object);
  }
  // #endregion informer-store

  /** What the reflector hands over; an object carrying the watch-delay annotation waits first. */
  apply(event: WatchEvent<T>): void {
    const seconds = Number(event.object.metadata.annotations?.[WatchDelayAnnotation] ?? 0);
    if (!(seconds > 0)) {
      this.applyEvent(event);
      return;
    }
    // Every event of the object waits as long, so they still arrive in order.
    setTimeout(() => this.applyEvent(event), seconds * 1000).unref();
  }

  private upsert(key: string, item: T): void {
    const previous = this.items.get(key);
    // A relist hands back objects we already have: unchanged versions are not news.
    if (previous && previous.metadata.resourceVersion === item.metadata.resourceVersion) return;
    this.unindex(key, previous);
    this.items.set(key, item);
    this.index(key, item);
    for (const handler of this.handlers) {
      if (previous) handler.onUpdate?.(previous, item);
      else handler.onAdd?.(item);
    }
  }

  private remove(key: string, item: T): void {
    const previous = this.items.get(key);
    if (!previous) return;
    this.unindex(key, previous);
    this.items.delete(key);
    for (const handler of this.handlers) handler.onDelete?.(item);
  }

  private index(key: string, item: T): void {
    for (const [name, indexer] of this.indexers) {
      const index = this.indexes.get(name);
      for (const value of indexer(item)) {
        if (!index?.has(value)) index?.set(value, new Set());
        index?.get(value)?.add(key);
      }
    }
  }

  private unindex(key: string, item: T | undefined): void {
    if (!item) return;
    for (const [name, indexer] of this.indexers) {
      for (const value of indexer(item)) this.indexes.get(name)?.get(value)?.delete(key);
    }
  }
}
