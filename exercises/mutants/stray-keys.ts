// Keys a mutant left where the reference never puts an object.
//
// A registry-key mutant stores objects at wrong keys (`/registry/namespaces/undefined/x`), and
// they stay in etcd after its grade. The reference graded next would list them beside its
// own and lose points for a mistake that is not its own, and so would the next mutant, which
// would then count as caught unfairly. After each mutant the grader asks for the keys that
// are not the reference's key of the object they hold, and replaces a cluster that has any.
//
// The grader reads etcd itself because a stray key is exactly what the API server cannot show:
// no request names it. It never writes there.

import { Etcd3 } from 'etcd3';
import { findKind } from '../../impl/apiserver/resources.js';
import type { KubeObject } from '../../impl/client/types.js';
import { objectKey, RegistryRoot } from '../../impl/store/registry-keys.js';

/** Why `key` is not where the reference stores the object `value` holds, or undefined. */
export function strayReason(key: string, value: string): string | undefined {
  let object: KubeObject;
  try {
    object = JSON.parse(value) as KubeObject;
  } catch {
    return 'its value is not an object';
  }
  const resource = findKind(object.apiVersion ?? '', object.kind ?? '');
  if (!resource) return `it holds a ${object.apiVersion} ${object.kind}, which no resource serves`;
  const { namespace, name } = object.metadata ?? {};
  const expected = name ? objectKey(resource, resource.namespaced ? namespace : undefined, name) : undefined;
  return key === expected ? undefined : `the reference stores that ${object.kind} at ${expected}`;
}

/** Every key under /registry that holds an object somewhere the reference would not put it. */
export async function strayKeys(etcdUrl: string): Promise<string[]> {
  // The grader loaded the reference's registry-keys.js before any mutant was built, so
  // objectKey here is the reference's, whatever the copy's dist/ holds now.
  // Every object of a busy cluster can be more than gRPC's default 4 MB answer: no limit here,
  // as in the API server's own client.
  const client = new Etcd3({ hosts: etcdUrl, grpcOptions: { 'grpc.max_receive_message_length': -1 } });
  try {
    const entries = await client.getAll().prefix(`${RegistryRoot}/`).strings();
    return Object.entries(entries).flatMap(([key, value]) => {
      const reason = strayReason(key, value);
      return reason ? [`${key}: ${reason}`] : [];
    });
  } finally {
    client.close();
  }
}
