// The API server's storage: create, get, list, update and delete as etcd v3 transactions.
//
// "The API server uses optimistic locking." Every write is one etcd transaction that compares
// the key's mod_revision with the revision the writer read: create expects 0 (the key must not
// exist); update and delete expect the revision they just read. If another writer got there
// first the transaction fails, the store reads the new value and runs the caller's update
// function again; the registry decides inside that function whether a stale resourceVersion is
// a Conflict. Nothing is locked, and no update is lost. What the store refuses it reports as a
// storage error (errors.ts), in terms of keys; the registry words the Status a client sees.
//
// Real Kubernetes: apiserver/pkg/storage/etcd3/store.go (Create, Get, GetList,
// GuaranteedUpdate, conditionalDelete) over etcd's client/v3/kubernetes OptimisticPut.

import type { Etcd3, IKeyValue } from 'etcd3';
import type { KubeObject } from '../client/types.js';
import { decodeObject, encodeObject, isSameObject } from './codec.js';
import {
  InvalidContinueTokenError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionCompactedError,
  StorageError,
} from './errors.js';
import { listPrefix, objectKey, type KeyedResource } from './registry-keys.js';
import { openWatch, type StoreWatch, type StoreWatchHandler } from './watch.js';

export interface ListOptions {
  /** Read at this etcd revision (a list's resourceVersion); undefined or 0 means "latest". */
  revision?: number;
  limit?: number;
  continueToken?: string;
}

export interface ListResult {
  items: KubeObject[];
  revision: number;
  continueToken?: string;
}

/** Returns the object to store, given the current one; throws to refuse (the error passes through). */
export type UpdateFunction = (current: KubeObject) => KubeObject | Promise<KubeObject>;

export class Store {
  constructor(private readonly etcd: Etcd3) {}

  /** The registry names the key; the storage layer decides, in etcd, whether it is free. */
  create(resource: KeyedResource, object: KubeObject): Promise<KubeObject> {
    return this.createIfAbsent(objectKey(resource, object.metadata.namespace, object.metadata.name ?? ''), object);
  }

  // #region store-create exercise=create-if-absent points=10
  /** Create succeeds only if the key has never been written: mod_revision == 0. */
  private async createIfAbsent(key: string, object: KubeObject): Promise<KubeObject> {
    const result = await this.etcd
      .if(key, 'Mod', '==', 0)
      .then(this.etcd.put(key).value(encodeObject(object)))
      .commit();
    if (!result.succeeded) throw new KeyExistsError(key);
    return withRevision(object, result.header.revision);
  }
  // #endregion store-create

  async get(resource: KeyedResource, namespace: string | undefined, name: string): Promise<KubeObject> {
    const key = objectKey(resource, namespace, name);
    const response = await this.etcd.get(key).exec();
    const kv = firstKv(response.kvs);
    if (!kv) throw new KeyNotFoundError(key);
    return decodeObject(kv.value, kv.mod_revision);
  }

  // #region store-list
  /** A list is one range read over the prefix, at one revision, so it is a consistent snapshot. */
  async list(resource: KeyedResource, namespace: string | undefined, options: ListOptions = {}): Promise<ListResult> {
    const prefix = listPrefix(resource, namespace);
    const page = options.continueToken ? decodeContinue(options.continueToken) : undefined;
    const revision = page?.revision ?? options.revision;
    const range = this.etcd.getAll().inRange({ start: prefix + (page?.start ?? ''), end: prefixEnd(prefix) });
    if (revision) range.revision(revision);
    if (options.limit) range.limit(options.limit);
    const response = await range.exec().catch((error: unknown) => {
      throw isCompacted(error) ? new RevisionCompactedError(revision ?? 0) : error;
    });
    const items = response.kvs.map((kv) => decodeObject(kv.value, kv.mod_revision));
    const readAt = revision ?? Number(response.header.revision);
    const last = response.kvs[response.kvs.length - 1];
    const result: ListResult = { items, revision: readAt };
    if (response.more && last) {
      result.continueToken = encodeContinue(readAt, `${last.key.toString('utf8').slice(prefix.length)}\u0000`);
    }
    return result;
  }
  // #endregion store-list

  // #region guaranteed-update exercise=compare-and-swap points=20
  /**
   * Read, let the caller compute the new object, write only if nobody wrote in between;
   * otherwise take the value etcd returned and try again. The caller's function sees the
   * freshest object every time, so it is where a stale resourceVersion becomes a Conflict.
   */
  async guaranteedUpdate(
    resource: KeyedResource,
    namespace: string | undefined,
    name: string,
    tryUpdate: UpdateFunction,
  ): Promise<KubeObject> {
    const key = objectKey(resource, namespace, name);
    let kv = await this.readKey(key);
    for (;;) {
      if (!kv) throw new KeyNotFoundError(key);
      const current = decodeObject(kv.value, kv.mod_revision);
      const updated = await tryUpdate(structuredClone(current));
      const value = encodeObject(updated);
      // A no-op write keeps the resourceVersion: nothing changed, so nothing is written.
      if (isSameObject(updated, current)) return current;
      const result = await this.etcd
        .if(key, 'Mod', '==', kv.mod_revision)
        .then(this.etcd.put(key).value(value))
        .else(this.etcd.get(key))
        .commit();
      if (result.succeeded) return withRevision(updated, result.header.revision);
      kv = firstKv(result.responses[0]?.response_range?.kvs);
    }
  }
  // #endregion guaranteed-update

  /** Deletes the key if it still holds what `check` approved; returns the last state. */
  async delete(
    resource: KeyedResource,
    namespace: string | undefined,
    name: string,
    check?: (current: KubeObject) => void,
  ): Promise<KubeObject> {
    const key = objectKey(resource, namespace, name);
    let kv = await this.readKey(key);
    for (;;) {
      if (!kv) throw new KeyNotFoundError(key);
      const current = decodeObject(kv.value, kv.mod_revision);
      check?.(current);
      const result = await this.etcd
        .if(key, 'Mod', '==', kv.mod_revision)
        .then(this.etcd.delete().key(key))
        .else(this.etcd.get(key))
        .commit();
      if (result.succeeded) return withRevision(current, result.header.revision);
      kv = firstKv(result.responses[0]?.response_range?.kvs);
    }
  }

  /** Streams every change after `afterRevision`, in order. */
  watch(
    resource: KeyedResource,
    namespace: string | undefined,
    afterRevision: number,
    handler: StoreWatchHandler,
  ): Promise<StoreWatch> {
    const prefix = listPrefix(resource, namespace);
    return openWatch(this.etcd, prefix, afterRevision, handler);
  }

  private async readKey(key: string): Promise<IKeyValue | undefined> {
    const response = await this.etcd.get(key).exec();
    return firstKv(response.kvs);
  }

  async currentRevision(): Promise<number> {
    const response = await this.etcd.get(CompactRevisionKey).exec();
    return Number(response.header.revision);
  }

  // #region compaction
  /**
   * Compaction forgets history older than a revision: watches and lists from before it get
   * 410 Expired. Like kube-apiserver, record the compacted revision under compact_rev_key
   * (guarded by its version, so two API servers do not both compact), then compact.
   */
  async compact(revision: number): Promise<boolean> {
    const current = (await this.etcd.get(CompactRevisionKey).exec()).kvs[0];
    const version = current ? current.version : '0';
    const result = await this.etcd
      .if(CompactRevisionKey, 'Version', '==', version)
      .then(this.etcd.put(CompactRevisionKey).value(String(revision)))
      .commit();
    if (!result.succeeded) return false;
    await this.etcd.kv.compact({ revision: String(revision), physical: false });
    return true;
  }
  // #endregion compaction
}

export const CompactRevisionKey = 'compact_rev_key';

export function isCompacted(error: unknown): boolean {
  return error instanceof Error && /compacted/.test(error.message) && !(error instanceof StorageError);
}

function withRevision(object: KubeObject, revision: string): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
}

function firstKv(kvs: IKeyValue[] | undefined | null): IKeyValue | undefined {
  return kvs?.[0] ?? undefined;
}

/** The end of a prefix range: the prefix with its last byte incremented (etcd's GetPrefixRangeEnd). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** The continue token Kubernetes uses: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"..."}. */
function encodeContinue(revision: number, start: string): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: revision, start });
  return Buffer.from(json).toString('base64url');
}

function decodeContinue(token: string): { revision: number; start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      v?: string;
      rv?: number;
      start?: string;
    };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string')
      throw new Error('bad token');
    return { revision: parsed.rv, start: parsed.start };
  } catch {
    throw new InvalidContinueTokenError();
  }
}
