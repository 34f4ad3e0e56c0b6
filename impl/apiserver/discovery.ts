// Discovery: how a client learns which resources this server has.
//
// "kubectl knows nothing in advance: it asks /api and /apis which groups, versions and
// resources exist, and whether each is namespaced." That is how `kubectl get po` finds that
// `po` is the short name of `pods` in the core group, and which URL to call.
//
// kubelab serves the classic discovery documents; kubectl asks for the aggregated format
// first and falls back to these. Real Kubernetes: apiserver/pkg/endpoints/discovery
// (root.go, group.go, version.go) and the aggregated discovery in discovery/aggregated.

import { groupVersion, resources, servedGroupVersions, type ResourceInfo, type Subresource } from './resources.js';

/** The Kubernetes version whose behaviour kubelab's features were checked against. */
export const kubernetesVersion = { major: '1', minor: '32', gitVersion: 'v1.32.0-kubelab' };

export function versionInfo(): object {
  return {
    ...kubernetesVersion,
    gitCommit: 'kubelab',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'tsc',
    platform: `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDocument(group: string): object {
  const versions = servedGroupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: groupVersion(gv), version: gv.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function apiGroupList(): object {
  const groups = [...new Set(servedGroupVersions().map((gv) => gv.group))].filter((group) => group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupDocument) };
}

export function apiGroup(group: string): object | undefined {
  if (!servedGroupVersions().some((gv) => gv.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) };
}

// #region resource-list
export function apiResourceList(group: string, version: string): object | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version);
  if (served.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: served.flatMap((info) => [
      resourceEntry(info),
      ...info.subresources.map((sub) => subresourceEntry(info, sub)),
    ]),
  };
}

function resourceEntry(info: ResourceInfo): object {
  const entry: Record<string, unknown> = {
    name: info.resource,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  };
  if (info.shortNames.length > 0) entry.shortNames = info.shortNames;
  if (info.categories.length > 0) entry.categories = info.categories;
  return entry;
}

function subresourceEntry(info: ResourceInfo, subresource: Subresource): object {
  const entry = { name: `${info.resource}/${subresource}`, singularName: '', namespaced: info.namespaced };
  if (subresource === 'binding') return { ...entry, kind: 'Binding', verbs: ['create'] };
  if (subresource === 'scale')
    return { ...entry, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
  if (subresource === 'finalize') return { ...entry, kind: info.kind, verbs: ['update'] };
  if (subresource === 'log') return { ...entry, kind: info.kind, verbs: ['get'] };
  if (subresource === 'exec') return { ...entry, kind: 'PodExecOptions', verbs: ['create', 'get'] };
  if (subresource === 'attach') return { ...entry, kind: 'PodAttachOptions', verbs: ['create', 'get'] };
  return { ...entry, kind: info.kind, verbs: ['get', 'patch', 'update'] };
}
// #endregion resource-list
