// Admission: the checks a write passes after validation's "is it well formed" and before
// storage's "did anyone else write first".
//
// "You cannot create objects in a namespace that does not exist or is being deleted, and some
// namespaces can never be deleted." That is the NamespaceLifecycle admission plugin, the one
// admission rule every cluster runs; the request-pipeline lesson adds the others. One mutating
// plugin runs here too, DefaultTolerationSeconds: "every pod tolerates a not-ready or
// unreachable node for 5 minutes unless it says otherwise", which is how long a pod outlives
// its node's last heartbeat before the taint-eviction controller deletes it. And Priority: "a pod
// that names a PriorityClass that does not exist is rejected"; kubelab serves no PriorityClass
// objects, so only the two built-in classes exist.
//
// Real Kubernetes: plugin/pkg/admission/namespace/lifecycle/admission.go,
// plugin/pkg/admission/defaulttolerationseconds/admission.go and plugin/pkg/admission/priority/admission.go.

import type { KubeObject, Toleration } from '../client/types.js';
import { forbidden, notFound } from './errors.js';
import type { ResourceInfo } from './resources.js';

export const TerminatingNamespaceMessage = (namespace: string) =>
  `unable to create new content in namespace ${namespace} because it is being terminated`;
export const ImmortalNamespaceMessage = 'this namespace may not be deleted';
/** The StatusCause type (v1.NamespaceTerminatingCause) on that refusal. */
export const NamespaceTerminatingCause = 'NamespaceTerminating';

/** Namespaces that exist from the start and that NamespaceLifecycle never lets go. */
export const immortalNamespaces = ['default', 'kube-system', 'kube-public'];
export const systemNamespaces = [...immortalNamespaces, 'kube-node-lease'];

const namespacesResource = { group: '', resource: 'namespaces' };

export type NamespaceLookup = (name: string) => Promise<KubeObject | undefined>;

// #region namespace-lifecycle
export async function admitCreate(
  info: ResourceInfo,
  object: KubeObject,
  lookupNamespace: NamespaceLookup,
): Promise<void> {
  if (!info.namespaced) return;
  const namespaceName = object.metadata.namespace ?? '';
  const namespace = await lookupNamespace(namespaceName);
  if (!namespace) throw notFound(namespacesResource, namespaceName);
  if (namespace.status?.phase === 'Terminating') {
    const error = forbidden(info, object.metadata.name ?? '', TerminatingNamespaceMessage(namespaceName));
    // The cause controllers test for, so they take the refusal as "stop", not as a failure to retry.
    const cause = {
      reason: NamespaceTerminatingCause,
      message: `namespace ${namespaceName} is being terminated`,
      field: 'metadata.namespace',
    };
    error.status.details = { ...error.status.details, causes: [...(error.status.details?.causes ?? []), cause] };
    throw error;
  }
}

export function admitDelete(info: ResourceInfo, name: string): void {
  if (info.resource === 'namespaces' && immortalNamespaces.includes(name)) {
    throw forbidden(info, name, ImmortalNamespaceMessage);
  }
}
// #endregion namespace-lifecycle

// #region default-toleration-seconds
export const NotReadyTaintKey = 'node.kubernetes.io/not-ready';
export const UnreachableTaintKey = 'node.kubernetes.io/unreachable';
/** kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DefaultTolerationSecondsValue = 300;

export interface DefaultTolerationSecondsOptions {
  notReadySeconds: number;
  unreachableSeconds: number;
}

/**
 * DefaultTolerationSeconds: a pod that does not already tolerate `not-ready:NoExecute` or
 * `unreachable:NoExecute` (a toleration with that key or no key, and NoExecute or no effect)
 * gets a toleration for it, `Exists`, for the configured seconds. Pods only, never subresources.
 */
export function admitDefaultTolerationSeconds(
  info: ResourceInfo,
  subresource: string | undefined,
  pod: KubeObject,
  options?: DefaultTolerationSecondsOptions,
): void {
  if (info.group !== '' || info.resource !== 'pods' || subresource) return;
  const spec = pod.spec ?? {};
  const tolerations = (Array.isArray(spec.tolerations) ? spec.tolerations : []) as Toleration[];
  const tolerates = (key: string) =>
    tolerations.some(
      (toleration) =>
        (!toleration.key || toleration.key === key) && (!toleration.effect || toleration.effect === 'NoExecute'),
    );
  const added: Toleration[] = [];
  const defaults: Array<[string, number]> = [
    [NotReadyTaintKey, options?.notReadySeconds ?? DefaultTolerationSecondsValue],
    [UnreachableTaintKey, options?.unreachableSeconds ?? DefaultTolerationSecondsValue],
  ];
  for (const [key, tolerationSeconds] of defaults) {
    if (!tolerates(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds });
  }
  if (added.length > 0) pod.spec = { ...spec, tolerations: [...tolerations, ...added] };
}
// #endregion default-toleration-seconds

/** The PriorityClasses kube-apiserver creates at start (scheduling/v1 SystemPriorityClasses). */
export const SystemPriorityClasses: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
export const NoPriorityClassMessage = (name: string) => `no PriorityClass with name ${name} was found`;

/**
 * Priority: a new pod that names a PriorityClass gets its value as spec.priority; one that names
 * a class that does not exist is refused. The refusal names the pod by its generateName when the
 * API server has not named it yet, as admission.NewForbidden does: `pods "web-" is forbidden`.
 * Real Kubernetes also refuses a spec.priority that differs from the class's, and gives pods
 * without a class the global default class's value; kubelab keeps a spec.priority as written.
 */
export function admitPriority(info: ResourceInfo, subresource: string | undefined, pod: KubeObject): void {
  if (info.group !== '' || info.resource !== 'pods' || subresource) return;
  const className = pod.spec?.priorityClassName;
  if (typeof className !== 'string' || className === '') return;
  const priority = SystemPriorityClasses[className];
  if (priority === undefined) {
    const name = pod.metadata.name || pod.metadata.generateName || 'Unknown';
    throw forbidden(info, name, NoPriorityClassMessage(className));
  }
  pod.spec = { ...pod.spec, priority };
}
