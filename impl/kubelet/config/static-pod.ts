// A static pod: a pod the kubelet reads from a file on its node, not from the API server.
//
// "Static Pods are managed directly by the kubelet daemon on a specific node, without the API
// server observing them." The kubelet turns each manifest into a pod of its own node: named
// `<name>-<node>`, in `default` unless the manifest says otherwise, with a uid hashed from the
// manifest, the node and the file (so the same file gives the same pod, and any edit a new
// one), annotated with where it came from, and tolerating every NoExecute taint, so that no
// eviction can take it off its node.
// Real Kubernetes: pkg/kubelet/config/common.go (applyDefaults), pkg/kubelet/types/pod_update.go.
import { createHash } from 'node:crypto';
import type { JsonObject, KubeObject } from '../../client/types.js';

export const ConfigSourceAnnotation = 'kubernetes.io/config.source';
export const ConfigHashAnnotation = 'kubernetes.io/config.hash';
export const ConfigSeenAnnotation = 'kubernetes.io/config.seen';
export const ConfigMirrorAnnotation = 'kubernetes.io/config.mirror';

// #region static-pod exercise=static-pod points=10
/** The pod `manifest` (read from `file`) becomes on `nodeName`, as the kubelet's file source makes it. */
export function staticPod(manifest: KubeObject, nodeName: string, file: string, seen: string): KubeObject {
  const name = `${manifest.metadata?.name ?? ''}-${nodeName.toLowerCase()}`;
  const namespace = manifest.metadata?.namespace || 'default';
  // The uid: a digest of the manifest, the node and the file; the config hash is the same string.
  const hash = createHash('md5')
    .update(JSON.stringify(manifest))
    .update(`host:${nodeName}`)
    .update(`file:${file}`)
    .digest('hex');
  const tolerations = Array.isArray(manifest.spec?.tolerations) ? manifest.spec.tolerations : [];
  return {
    ...manifest,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...manifest.metadata,
      name,
      namespace,
      uid: hash,
      annotations: {
        ...manifest.metadata?.annotations,
        [ConfigSourceAnnotation]: 'file',
        [ConfigHashAnnotation]: hash,
        [ConfigSeenAnnotation]: seen,
      },
    },
    spec: {
      ...manifest.spec,
      nodeName,
      tolerations: [...tolerations, { operator: 'Exists', effect: 'NoExecute' }],
    },
    status: { phase: 'Pending' },
  };
}
// #endregion static-pod

// #region mirror-pod exercise=static-pod points=5
/**
 * The mirror pod the kubelet creates in the API for `pod`: the same name, namespace and spec, so
 * that kubectl sees the static pod; marked with the static pod's hash, and owned by the Node.
 */
export function mirrorPod(pod: KubeObject, node: KubeObject): KubeObject {
  const { uid: _staticUid, ...metadata } = pod.metadata;
  const hash = pod.metadata.annotations?.[ConfigHashAnnotation] ?? '';
  const owner = {
    apiVersion: 'v1',
    kind: 'Node',
    name: node.metadata.name ?? '',
    uid: node.metadata.uid ?? '',
    controller: true,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...metadata,
      annotations: { ...metadata.annotations, [ConfigMirrorAnnotation]: hash },
      ownerReferences: [owner],
    },
    spec: pod.spec as JsonObject,
  };
}
// #endregion mirror-pod

export function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[ConfigMirrorAnnotation] !== undefined;
}

/** Whether `mirror` still shows `pod`: the same hash, and not on its way out. */
export function mirrorIsCurrent(mirror: KubeObject, pod: KubeObject): boolean {
  const hash = pod.metadata.annotations?.[ConfigHashAnnotation];
  return mirror.metadata.annotations?.[ConfigMirrorAnnotation] === hash && !mirror.metadata.deletionTimestamp;
}
