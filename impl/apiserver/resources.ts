// The resources this API server serves: one row per resource, the data behind discovery,
// URL routing and the etcd key layout.
//
// "Every resource has a REST path, a Kind and a storage location." The row says where in etcd
// the objects live: the plural resource name, or one of the legacy prefixes Kubernetes still
// keeps (nodes live under `minions`, services under `services/specs`).
//
// Real Kubernetes: each group's storage is built in pkg/registry/<group>/rest; the legacy
// prefixes are SpecialDefaultResourcePrefixes in pkg/kubeapiserver/default_storage_factory_builder.go.

// #region resource-table
export type Subresource = 'status' | 'binding' | 'scale' | 'finalize' | 'log' | 'exec' | 'attach';

export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural, lower case: the URL segment and the default etcd prefix. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  /** Where under /registry the objects live. */
  etcdPrefix: string;
  shortNames: string[];
  /** Subresources served beside the object. */
  subresources: Subresource[];
  categories: string[];
}

const core = { group: '', version: 'v1' };
const apps = { group: 'apps', version: 'v1' };
const coordination = { group: 'coordination.k8s.io', version: 'v1' };

export const resources: ResourceInfo[] = [
  {
    ...core,
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    etcdPrefix: 'namespaces',
    shortNames: ['ns'],
    subresources: ['status', 'finalize'],
    categories: [],
  },
  {
    ...core,
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    etcdPrefix: 'pods',
    shortNames: ['po'],
    subresources: ['status', 'binding', 'log', 'exec', 'attach'],
    categories: ['all'],
  },
  {
    ...core,
    resource: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    etcdPrefix: 'minions',
    shortNames: ['no'],
    subresources: ['status'],
    categories: [],
  },
  {
    ...core,
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    etcdPrefix: 'services/specs',
    shortNames: ['svc'],
    subresources: ['status'],
    categories: ['all'],
  },
  {
    ...core,
    resource: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    etcdPrefix: 'services/endpoints',
    shortNames: ['ep'],
    subresources: [],
    categories: [],
  },
  {
    ...core,
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    etcdPrefix: 'events',
    shortNames: ['ev'],
    subresources: [],
    categories: [],
  },
  {
    ...core,
    resource: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    etcdPrefix: 'configmaps',
    shortNames: ['cm'],
    subresources: [],
    categories: [],
  },
  {
    ...apps,
    resource: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    etcdPrefix: 'replicasets',
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
    categories: ['all'],
  },
  {
    ...apps,
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    etcdPrefix: 'deployments',
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
    categories: ['all'],
  },
  {
    ...coordination,
    resource: 'leases',
    singular: 'lease',
    kind: 'Lease',
    namespaced: true,
    etcdPrefix: 'leases',
    shortNames: [],
    subresources: [],
    categories: [],
  },
];
// #endregion resource-table

export function groupVersion(info: { group: string; version: string }): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export function findResource(group: string, version: string, resource: string): ResourceInfo | undefined {
  return resources.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function findKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return resources.find((r) => groupVersion(r) === apiVersion && r.kind === kind);
}

/** The group versions served, for discovery: `v1` under /api, the rest under /apis. */
export function servedGroupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of resources) seen.set(groupVersion(r), { group: r.group, version: r.version });
  return [...seen.values()];
}
