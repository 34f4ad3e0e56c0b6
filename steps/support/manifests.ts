// The kinds a scenario can name, and the smallest valid object of each.
//
// Step text says "a config map" or "a deployment"; this table turns that into the resource the
// API serves and a manifest the API server accepts, so scenarios state behaviour without JSON.

import type { ResourceRef } from '../../impl/client/rest-client.js';
import type { KubeObject } from '../../impl/client/types.js';

export interface KindInfo {
  /** The words a scenario uses: "config map". */
  words: string;
  kind: string;
  ref: Omit<ResourceRef, 'namespace' | 'name'>;
  namespaced: boolean;
  manifest: (name: string) => KubeObject;
}

const podSpec = { containers: [{ name: 'echo', image: 'kubelab/echo' }] };
const template = (app: string) => ({ metadata: { labels: { app } }, spec: podSpec });

export const kinds: KindInfo[] = [
  {
    words: 'pod',
    kind: 'Pod',
    ref: { resource: 'pods' },
    namespaced: true,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec }),
  },
  {
    words: 'config map',
    kind: 'ConfigMap',
    ref: { resource: 'configmaps' },
    namespaced: true,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { greeting: 'hello' } }),
  },
  {
    words: 'service',
    kind: 'Service',
    ref: { resource: 'services' },
    namespaced: true,
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80 }] },
    }),
  },
  {
    words: 'endpoints object',
    kind: 'Endpoints',
    ref: { resource: 'endpoints' },
    namespaced: true,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name } }),
  },
  {
    words: 'node',
    kind: 'Node',
    ref: { resource: 'nodes' },
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } }),
  },
  {
    words: 'namespace',
    kind: 'Namespace',
    ref: { resource: 'namespaces' },
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
  },
  {
    words: 'replica set',
    kind: 'ReplicaSet',
    ref: { group: 'apps', resource: 'replicasets' },
    namespaced: true,
    manifest: (name) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name },
      spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: template(name) },
    }),
  },
  {
    words: 'deployment',
    kind: 'Deployment',
    ref: { group: 'apps', resource: 'deployments' },
    namespaced: true,
    manifest: (name) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: template(name) },
    }),
  },
  {
    words: 'lease',
    kind: 'Lease',
    ref: { group: 'coordination.k8s.io', resource: 'leases' },
    namespaced: true,
    manifest: (name) => ({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name },
      spec: { holderIdentity: name },
    }),
  },
  {
    words: 'event',
    kind: 'Event',
    ref: { resource: 'events' },
    namespaced: true,
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name },
      involvedObject: { kind: 'Pod', name },
      reason: 'Testing',
      message: 'a scenario wrote this',
      type: 'Normal',
    }),
  },
];

export function kindByWords(words: string): KindInfo {
  const found = kinds.find((k) => k.words === words);
  if (!found) throw new Error(`kindByWords: no kind called "${words}"; known: ${kinds.map((k) => k.words).join(', ')}`);
  return found;
}

export const kindWordsPattern = kinds
  .map((k) => k.words)
  .sort((a, b) => b.length - a.length)
  .join('|');
