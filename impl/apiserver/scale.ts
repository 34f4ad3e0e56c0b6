// The scale subresource: `kubectl scale` changes replicas without touching the rest.
//
// "Anything with replicas can be scaled through /scale." A Deployment or ReplicaSet exposes an
// autoscaling/v1 Scale view of itself: spec.replicas to write, status.replicas and the label
// selector to read. Writing the Scale changes only the parent's spec.replicas, inside the same
// compare-and-swap loop as any update, so a stale resourceVersion is still a Conflict.
//
// Real Kubernetes: pkg/registry/apps/deployment/storage/storage.go (ScaleREST) and
// apimachinery's autoscaling/v1 Scale type.

import type { JsonObject, JsonValue, KubeObject } from '../client/types.js';
import { badRequest, conflict, OptimisticLockErrorMessage } from './errors.js';
import { applyPatch, type PatchType } from './patch.js';
import type { Registry } from './registry.js';
import type { ResourceInfo } from './resources.js';

// #region scale-view
/** The Scale that stands for a Deployment or ReplicaSet. */
export function scaleOf(parent: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = parent.metadata;
  const matchLabels = ((parent.spec?.selector as JsonObject | undefined)?.matchLabels ?? {}) as Record<string, string>;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: Number(parent.spec?.replicas ?? 0) },
    status: {
      replicas: Number(parent.status?.replicas ?? 0),
      selector: Object.entries(matchLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}
// #endregion scale-view

export async function getScale(
  registry: Registry,
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
): Promise<KubeObject> {
  return scaleOf(await registry.get(info, namespace, name));
}

/** PUT or PATCH of the Scale: compute the new Scale from the current one, keep only its replicas. */
export async function changeScale(
  registry: Registry,
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
  change: { scale: KubeObject } | { patchType: PatchType; patch: JsonValue },
): Promise<KubeObject> {
  const updated = await registry.updateWith(info, namespace, name, (parent) => {
    const current = scaleOf(parent);
    const next =
      'scale' in change
        ? change.scale
        : (applyPatch(change.patchType, current as unknown as JsonObject, change.patch) as unknown as KubeObject);
    const sentVersion = next.metadata?.resourceVersion;
    if (sentVersion && sentVersion !== parent.metadata.resourceVersion)
      throw conflict(info, name, OptimisticLockErrorMessage);
    const replicas = next.spec?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw badRequest(`spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`);
    }
    if (replicas === parent.spec?.replicas) return parent;
    parent.spec = { ...parent.spec, replicas };
    parent.metadata.generation = (parent.metadata.generation ?? 0) + 1;
    return parent;
  });
  return scaleOf(updated);
}
