// The codec between API objects and etcd values.
//
// "resourceVersion is not stored: it is the etcd revision." The stored bytes never contain
// metadata.resourceVersion; on every read it is filled in from the key's mod_revision, so two
// reads of an unchanged object agree and any write moves it forward.
//
// kubelab stores JSON. Real Kubernetes: kube-apiserver stores protobuf (with a `k8s\0` magic
// prefix); the blanking and re-filling of resourceVersion is apiserver/pkg/storage/
// api_object_versioner.go (PrepareObjectForStorage, UpdateObject).

import type { KubeObject } from '../client/types.js';

// #region encode-object
export function encodeObject(object: KubeObject): string {
  const { resourceVersion: _dropped, ...metadata } = object.metadata;
  return JSON.stringify({ ...object, metadata });
}
// #endregion encode-object

// #region decode-object
export function decodeObject(value: Buffer | Uint8Array | string, revision: string | number): KubeObject {
  const text = typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
  const object = JSON.parse(text) as KubeObject;
  object.metadata = { ...object.metadata, resourceVersion: String(revision) };
  return object;
}
// #endregion decode-object

/** Whether two versions of an object say the same thing, resourceVersion aside. */
export function isSameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = ({ metadata: { resourceVersion: _, ...metadata }, ...rest }: KubeObject) => ({ ...rest, metadata });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/**
 * A form of an object for comparing, not storing: keys sorted and null fields dropped, as two
 * Go structs that decode to the same values encode to the same bytes. Clients reorder keys and
 * send `null` for unset fields; neither is a change.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== null && field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, field]) => [key, canonical(field)]));
}
