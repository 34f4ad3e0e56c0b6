// A container's environment: its `env` list, with the downward API's fields filled in.
//
// "The downward API exposes the pod's own fields to its containers as environment variables."
// `valueFrom.fieldRef.fieldPath` names a field of the pod (metadata.name, status.podIP, ...);
// the kubelet resolves it when the container starts. HOSTNAME is the pod's name, as a
// container's hostname is. Real Kubernetes: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables,
// podFieldSelectorRuntimeValue).
import type { JsonObject, KubeObject } from '../../client/types.js';

const NodePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface PodAddresses {
  readonly podIp: string;
  readonly hostIp: string;
}

export function containerEnv(pod: KubeObject, container: JsonObject, addresses: PodAddresses): Record<string, string> {
  const env: Record<string, string> = { PATH: NodePath, HOSTNAME: pod.metadata.name ?? '' };
  const entries = Array.isArray(container.env) ? (container.env as JsonObject[]) : [];
  for (const entry of entries) {
    const name = String(entry.name ?? '');
    if (typeof entry.value === 'string') env[name] = expand(entry.value, env);
    const fieldPath = (entry.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
    if (fieldPath !== undefined) env[name] = podField(pod, fieldPath, addresses);
    if (entry.value === undefined && entry.valueFrom === undefined) env[name] = '';
  }
  return env;
}

/** The fields the downward API offers as environment variables. */
export function podField(pod: KubeObject, fieldPath: string, addresses: PodAddresses): string {
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return String(pod.spec?.nodeName ?? '');
    case 'spec.serviceAccountName':
      return String(pod.spec?.serviceAccountName ?? '');
    case 'status.podIP':
      return addresses.podIp;
    case 'status.hostIP':
      return addresses.hostIp;
    default:
      return '';
  }
}

/** `$(NAME)` refers to a variable defined before it, as in Kubernetes; `$$` escapes. */
function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) =>
    match === '$$' ? '$' : name !== undefined && name in env ? (env[name] ?? '') : match,
  );
}
