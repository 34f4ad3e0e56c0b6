// Strategies: what the server itself owns in an object, on create and on update.
//
// "The server, not the client, sets uid, creationTimestamp and generation." On create it stamps
// those and resets status to where a new object starts (a pod is Pending). On update it keeps
// what the client may not change: the identity fields always, and for resources with a status
// subresource the status (a write to the object) or everything but the status (a write to
// /status), so that spec and status have different writers. generation moves only when the
// spec does: it is how controllers tell "new desired state" from "new resourceVersion".
//
// Real Kubernetes: apiserver/pkg/registry/rest/create.go and update.go (BeforeCreate,
// BeforeUpdate), and each resource's strategy.go (PrepareForCreate, PrepareForUpdate).

import { randomUUID } from 'node:crypto';
import type { JsonObject, KubeObject, Pod } from '../client/types.js';
import { canonicalJson } from '../client/canonical-json.js';
import { podQosClass } from './qos.js';
import type { ResourceInfo } from './resources.js';

/** Kinds whose generation tracks spec changes (their strategies set and bump it). */
const kindsWithGeneration = new Set(['Pod', 'ReplicaSet', 'Deployment']);

/** Where a new object's status starts. */
const initialStatus: Record<string, (object: KubeObject) => JsonObject | undefined> = {
  // The class is computed once, here; the kubelet reads it and nothing changes it (qos.ts).
  Pod: (object) => ({ phase: 'Pending', ...(hasContainers(object) ? { qosClass: podQosClass(object) } : {}) }),
  ReplicaSet: () => ({ replicas: 0 }),
  Deployment: () => ({}),
  Namespace: () => ({ phase: 'Active' }),
  Service: () => ({ loadBalancer: {} }),
};

/** A pod spec with its containers: what validation lets through, and what qos.ts reads. */
function hasContainers(object: KubeObject): object is Pod {
  return Array.isArray((object.spec as { containers?: unknown } | undefined)?.containers);
}

// #region prepare-for-create
export function prepareForCreate(info: ResourceInfo, object: KubeObject, now: Date): void {
  const metadata = object.metadata;
  metadata.uid = randomUUID();
  metadata.creationTimestamp = isoSeconds(now);
  delete metadata.deletionTimestamp;
  delete metadata.deletionGracePeriodSeconds;
  delete metadata.resourceVersion;
  if (kindsWithGeneration.has(info.kind)) metadata.generation = 1;
  const status = initialStatus[info.kind]?.(object);
  if (status) object.status = status;
}
// #endregion prepare-for-create

// #region prepare-for-update
export function prepareForUpdate(
  info: ResourceInfo,
  updated: KubeObject,
  current: KubeObject,
  subresource: string | undefined,
): KubeObject {
  const hasStatusSubresource = info.subresources.includes('status');
  let next: KubeObject = updated;
  if (subresource === 'status') {
    // A status write changes the status only; the rest stays as stored.
    next = { ...structuredClone(current), status: updated.status ?? {} };
    next.metadata.resourceVersion = updated.metadata.resourceVersion;
    // A Deployment's status strategy resets only spec and labels: its controller writes the
    // revision annotation along with the status (deploymentStatusStrategy.PrepareForUpdate).
    if (info.kind === 'Deployment') next.metadata.annotations = updated.metadata.annotations;
  } else if (hasStatusSubresource) {
    // A write to the object cannot change its status: that is the status writer's job.
    if (current.status === undefined) delete next.status;
    else next.status = structuredClone(current.status);
  }
  keepServerOwnedMetadata(next, current);
  // A namespace's spec.finalizers change only through namespaces/{name}/finalize, the namespace
  // controller's door; a write to the object keeps them (namespace strategy PrepareForUpdate).
  if (info.kind === 'Namespace' && subresource !== 'finalize') keepNamespaceFinalizers(next, current);
  if (kindsWithGeneration.has(info.kind) && subresource !== 'status') {
    const isSpecChanged = canonicalJson(next.spec) !== canonicalJson(current.spec);
    const isAnnotationChanged =
      info.kind === 'Deployment' &&
      canonicalJson(next.metadata.annotations ?? {}) !== canonicalJson(current.metadata.annotations ?? {});
    next.metadata.generation = (current.metadata.generation ?? 0) + (isSpecChanged || isAnnotationChanged ? 1 : 0);
  }
  return next;
}
// #endregion prepare-for-update

function keepNamespaceFinalizers(next: KubeObject, current: KubeObject): void {
  const { finalizers: _sent, ...rest } = next.spec ?? {};
  const finalizers = current.spec?.finalizers;
  next.spec = finalizers === undefined ? rest : { ...rest, finalizers };
}

function keepServerOwnedMetadata(next: KubeObject, current: KubeObject): void {
  const metadata = next.metadata;
  const stored = current.metadata;
  metadata.name = stored.name;
  if (stored.namespace !== undefined) metadata.namespace = stored.namespace;
  if (stored.uid !== undefined) metadata.uid = stored.uid;
  if (stored.creationTimestamp !== undefined) metadata.creationTimestamp = stored.creationTimestamp;
  if (stored.generation !== undefined) metadata.generation = stored.generation;
  else delete metadata.generation;
  if (stored.deletionTimestamp !== undefined) metadata.deletionTimestamp = stored.deletionTimestamp;
  else delete metadata.deletionTimestamp;
  if (stored.deletionGracePeriodSeconds !== undefined)
    metadata.deletionGracePeriodSeconds = stored.deletionGracePeriodSeconds;
  if (stored.generateName !== undefined && metadata.generateName === undefined)
    metadata.generateName = stored.generateName;
}

/** Kubernetes timestamps are RFC 3339 with whole seconds: 2024-05-01T10:00:00Z. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
