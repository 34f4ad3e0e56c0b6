// What the kubelet reads of a pod object, and how it names one in its messages.
import type { JsonObject, KubeObject } from '../../client/types.js';

/** `spec.containers` or `spec.initContainers`: empty when the pod has none. */
export function specsOf(pod: KubeObject, field: 'containers' | 'initContainers'): JsonObject[] {
  return Array.isArray(pod.spec?.[field]) ? (pod.spec[field] as JsonObject[]) : [];
}

/** A command or args list, as strings. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** How the kubelet names a pod in messages: `name_namespace(uid)`. */
export function podLabel(pod: KubeObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/** An API timestamp: RFC 3339 to the second, as metav1.Time writes it. */
export function timestamp(date: Date | undefined): string {
  return `${(date ?? new Date()).toISOString().slice(0, 19)}Z`;
}

/** `spec.hostNetwork`: the pod uses the node's network and address, not one of its own. */
export function onHostNetwork(pod: KubeObject): boolean {
  return pod.spec?.hostNetwork === true;
}
