// The codec between API objects and etcd values.
//
// "resourceVersion is not stored: it is the etcd revision." The stored bytes never contain
// metadata.resourceVersion; on every read it is filled in from the key's mod_revision, so two
// reads of an unchanged object agree and any write moves it forward.
//
// kubelab stores JSON. Real Kubernetes: kube-apiserver stores protobuf (with a `k8s\0` magic
// prefix); the blanking and re-filling of resourceVersion is apiserver/pkg/storage/
// api_object_versioner.go (PrepareObjectForStorage, UpdateObject).

import { canonicalJson } from '../client/canonical-json.js';
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
