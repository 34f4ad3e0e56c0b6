// Registry keys: where each object lives in etcd.
//
// "The API server stores every object in etcd under /registry." A namespaced object lives at
// /registry/<prefix>/<namespace>/<name>, a cluster-scoped one at /registry/<prefix>/<name>,
// where <prefix> is the plural resource name without its API group, or a legacy prefix that
// Kubernetes keeps for compatibility (nodes under `minions`, services under `services/specs`).
// A list is a range read over a prefix that ends in `/`, so namespace `default` never
// matches `default2`.
//
// Real Kubernetes: apiserver/pkg/registry/generic/registry/store.go (NamespaceKeyFunc,
// NoNamespaceKeyFunc) and apiserver/pkg/storage/etcd3/store.go (prepareKey).

export const RegistryRoot = '/registry';

/** What a key needs to know about a resource: its prefix and whether it is namespaced. */
export interface KeyedResource {
  etcdPrefix: string;
  namespaced: boolean;
}

// #region registry-key exercise=registry-key points=10
/** The etcd key of one object. */
export function objectKey(resource: KeyedResource, namespace: string | undefined, name: string): string {
  if (resource.namespaced) {
    if (!namespace) throw new Error(`objectKey: namespaced resource ${resource.etcdPrefix} needs a namespace`);
    return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/${name}`;
  }
  return `${RegistryRoot}/${resource.etcdPrefix}/${name}`;
}

/** The key prefix a list reads: one namespace, or every namespace when none is given. */
export function listPrefix(resource: KeyedResource, namespace?: string): string {
  if (resource.namespaced && namespace) return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/`;
  return `${RegistryRoot}/${resource.etcdPrefix}/`;
}
// #endregion registry-key
