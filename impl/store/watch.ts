// Watch: every change to a key range after a revision, in order, as ADDED/MODIFIED/DELETED.
//
// "Clients watch the API server instead of polling it." The API server opens an etcd watch on
// the resource's key prefix at revision N+1, so a client resuming from resourceVersion N misses
// nothing and sees nothing twice. A put whose key was just created is ADDED, any other put is
// MODIFIED, and a delete is DELETED carrying the object's last state with the delete's revision.
// If etcd has compacted the history the client asks for, the watch fails with
// RevisionCompactedError, which the registry turns into 410 Expired.
//
// kubelab opens one etcd watch per API watch. Real Kubernetes: apiserver/pkg/storage/etcd3/
// watcher.go (startWatching, transform) serves most watches from a watch cache (cacher.go).

import type { Etcd3, IKeyValue, Watcher } from 'etcd3';
import type { KubeObject, WatchEventType } from '../client/types.js';
import { decodeObject } from './codec.js';
import { RevisionCompactedError } from './errors.js';

export interface StoreWatchHandler {
  /** `previous` is the state before this change (for selectors: did the object match before?). */
  onEvent(type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>, object: KubeObject, previous?: KubeObject): void;
  /** The stream cannot go on (history compacted, etcd gone): tell the client and close. */
  onError(error: Error): void;
}

export interface StoreWatch {
  stop(): Promise<void>;
}

// #region open-watch
export async function openWatch(
  etcd: Etcd3,
  prefix: string,
  afterRevision: number,
  handler: StoreWatchHandler,
): Promise<StoreWatch> {
  // A revision that compaction removed cannot be replayed: refuse before streaming anything.
  await assertNotCompacted(etcd, prefix, afterRevision);
  const watcher: Watcher = await etcd
    .watch()
    .prefix(prefix)
    .startRevision(String(afterRevision + 1))
    .withPreviousKV()
    .create();
  watcher.on('put', (kv: IKeyValue, previous?: IKeyValue) => {
    const isCreated = kv.create_revision === kv.mod_revision;
    const before = previous ? decodeObject(previous.value, previous.mod_revision) : undefined;
    handler.onEvent(isCreated ? 'ADDED' : 'MODIFIED', decodeObject(kv.value, kv.mod_revision), before);
  });
  watcher.on('delete', (kv: IKeyValue, previous?: IKeyValue) => {
    // The last state the object had, stamped with the revision of its deletion.
    if (previous) handler.onEvent('DELETED', decodeObject(previous.value, kv.mod_revision));
  });
  watcher.on('error', (error: Error) => {
    handler.onError(/compact/i.test(error.message) ? new RevisionCompactedError(afterRevision) : error);
  });
  return { stop: () => watcher.cancel() };
}
// #endregion open-watch

async function assertNotCompacted(etcd: Etcd3, prefix: string, revision: number): Promise<void> {
  try {
    await etcd.getAll().prefix(prefix).revision(revision).limit(1).exec();
  } catch (error) {
    if (error instanceof Error && /compacted/.test(error.message)) throw new RevisionCompactedError(revision);
    throw error;
  }
}
