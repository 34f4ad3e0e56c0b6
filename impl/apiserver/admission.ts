// Admission: the checks a write passes after validation's "is it well formed" and before
// storage's "did anyone else write first".
//
// "You cannot create objects in a namespace that does not exist or is being deleted, and some
// namespaces can never be deleted." That is the NamespaceLifecycle admission plugin, the one
// admission rule every cluster runs; the request-pipeline lesson adds the others.
//
// Real Kubernetes: plugin/pkg/admission/namespace/lifecycle/admission.go.

import type { KubeObject } from '../client/types.js';
import { forbidden, notFound } from './errors.js';
import type { ResourceInfo } from './resources.js';

export const TerminatingNamespaceMessage = (namespace: string) =>
  `unable to create new content in namespace ${namespace} because it is being terminated`;
export const ImmortalNamespaceMessage = 'this namespace may not be deleted';

/** Namespaces that exist from the start and that NamespaceLifecycle never lets go. */
export const immortalNamespaces = ['default', 'kube-system', 'kube-public'];
export const systemNamespaces = [...immortalNamespaces, 'kube-node-lease'];

const namespacesResource = { group: '', resource: 'namespaces' };

export type NamespaceLookup = (name: string) => Promise<KubeObject | undefined>;

// #region namespace-lifecycle
export async function admitCreate(info: ResourceInfo, object: KubeObject, lookupNamespace: NamespaceLookup): Promise<void> {
  if (!info.namespaced) return;
  const namespaceName = object.metadata.namespace ?? '';
  const namespace = await lookupNamespace(namespaceName);
  if (!namespace) throw notFound(namespacesResource, namespaceName);
  if (namespace.status?.phase === 'Terminating') {
    throw forbidden(info, object.metadata.name ?? '', TerminatingNamespaceMessage(namespaceName));
  }
}

export function admitDelete(info: ResourceInfo, name: string): void {
  if (info.resource === 'namespaces' && immortalNamespaces.includes(name)) {
    throw forbidden(info, name, ImmortalNamespaceMessage);
  }
}
// #endregion namespace-lifecycle
