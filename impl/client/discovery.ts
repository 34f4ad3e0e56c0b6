// Discovery on the client side: which resources the API server serves, and what a kind is called in a URL.
//
// "Controllers that handle every kind of object, like the namespace controller and the garbage
// collector, do not know the kinds in advance: they ask the API server." GET /api/v1 and
// /apis/<group>/<version> list each resource with its kind, its verbs and whether it is
// namespaced; from that a controller can list every namespaced resource that can be deleted,
// and turn an owner reference's apiVersion and kind into the resource to GET (a REST mapper).
//
// kubelab reads the classic documents once per call, without a cache, and skips
// subresources. Real Kubernetes: client-go/discovery (ServerPreferredResources,
// GroupVersionResources) and client-go/restmapper.

import type { RestClient } from './rest-client.js';

export interface ApiResource {
  group: string;
  version: string;
  /** The plural name in URLs: `pods`, `replicasets`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

interface ResourceListDocument {
  groupVersion: string;
  resources: Array<{ name: string; kind: string; namespaced: boolean; verbs: string[] }>;
}

interface GroupListDocument {
  groups: Array<{ name: string; preferredVersion?: { version: string } }>;
}

/** Every resource the server serves (no subresources), core group first, each group's preferred version. */
export async function discoverResources(client: RestClient): Promise<ApiResource[]> {
  const documents = [await getDocument<ResourceListDocument>(client, '/api/v1')];
  const groups = await getDocument<GroupListDocument>(client, '/apis');
  for (const group of groups.groups) {
    const version = group.preferredVersion?.version;
    if (version) documents.push(await getDocument<ResourceListDocument>(client, `/apis/${group.name}/${version}`));
  }
  return documents.flatMap((document) => {
    const [group, version] = document.groupVersion.includes('/')
      ? document.groupVersion.split('/')
      : ['', document.groupVersion];
    return document.resources
      .filter((entry) => !entry.name.includes('/'))
      .map((entry) => ({
        group: group ?? '',
        version: version ?? 'v1',
        resource: entry.name,
        kind: entry.kind,
        namespaced: entry.namespaced,
        verbs: entry.verbs,
      }));
  });
}

/** Resources that support every one of `verbs` (discovery.SupportsAllVerbs). */
export function supportingAll(resources: ApiResource[], verbs: string[]): ApiResource[] {
  return resources.filter((resource) => verbs.every((verb) => resource.verbs.includes(verb)));
}

/** The resource an apiVersion and kind name, as in an owner reference; undefined if the server does not serve it. */
export function resourceForKind(resources: ApiResource[], apiVersion: string, kind: string): ApiResource | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return resources.find(
    (resource) => resource.group === group && resource.version === version && resource.kind === kind,
  );
}

async function getDocument<T>(client: RestClient, path: string): Promise<T> {
  const response = await client.raw('GET', path);
  if (response.code !== 200)
    throw new Error(`discovery: GET ${path} answered ${response.code}: ${response.body.slice(0, 200)}`);
  return JSON.parse(response.body) as T;
}

/** `apps/v1`, or `v1` for the core group: an object's apiVersion. */
export function apiVersionOf(resource: { group: string; version: string }): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** The informer key of an object's resource: `pods`, `replicasets.apps`. */
export function groupResourceOf(resource: { group: string; resource: string }): string {
  return resource.group ? `${resource.resource}.${resource.group}` : resource.resource;
}
