// PATCH: the three patch formats a client can send, applied to the stored object.
//
// "A patch is applied to the object as it is stored now, inside the same compare-and-swap loop
// as an update", so two patches to different fields never conflict. JSON merge patch
// (RFC 7396) replaces lists whole; JSON patch (RFC 6902) is a list of operations; strategic
// merge patch, what `kubectl apply` and `kubectl edit` send, merges lists of named things
// (containers by name, ports by port number) instead of replacing them.
//
// kubelab's strategic merge knows list merge keys by field name, not from the Go struct tags
// and OpenAPI schema real Kubernetes reads them from. Real Kubernetes: apiserver/pkg/endpoints/
// handlers/patch.go and apimachinery/pkg/util/strategicpatch/patch.go.

import fastJsonPatch from 'fast-json-patch';
import type { JsonObject, JsonValue } from '../client/types.js';
import { badRequest } from './errors.js';

export type PatchType = 'json' | 'merge' | 'strategic';

export const patchContentTypes: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

export function applyPatch(type: PatchType, target: JsonObject, patch: JsonValue): JsonObject {
  switch (type) {
    case 'json':
      return applyJsonPatch(target, patch);
    case 'merge':
      return asObject(mergePatch(target, patch));
    case 'strategic':
      return asObject(strategicMerge(target, patch));
  }
}

function applyJsonPatch(target: JsonObject, patch: JsonValue): JsonObject {
  if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    const operations = patch as unknown as fastJsonPatch.Operation[];
    return fastJsonPatch.applyPatch(structuredClone(target), operations, true, false).newDocument;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new JsonPatchError(message ?? 'invalid patch');
  }
}

/** A JSON patch that does not apply (a failed `test`, a missing path): 422 in Kubernetes. */
export class JsonPatchError extends Error {}

// #region merge-patch
/** RFC 7396: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
// #endregion merge-patch

/** Lists whose items merge by a key field instead of being replaced (patchMergeKey tags). */
const listMergeKeys: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  env: ['name'],
  imagePullSecrets: ['name'],
  ports: ['containerPort', 'port'],
  conditions: ['type'],
  ownerReferences: ['uid'],
  taints: ['key'],
  addresses: ['type'],
  hostAliases: ['ip'],
};

/** Primitive lists that merge as sets (patchStrategy:"merge" on a []string). */
const mergedPrimitiveLists = new Set(['finalizers']);

// #region strategic-merge
export function strategicMerge(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') return withoutDirectives(patch);
  if (patch.$patch === 'delete') return {};
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const remove = Array.isArray(value) ? value : [];
      const current = result[field];
      if (Array.isArray(current)) result[field] = current.filter((item) => !remove.includes(item));
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else result[key] = strategicMerge(result[key], value);
  }
  const retainKeys = patch.$retainKeys;
  if (Array.isArray(retainKeys)) {
    for (const key of Object.keys(result)) if (!retainKeys.includes(key)) delete result[key];
  }
  return result;
}

function mergeList(field: string, current: JsonValue | undefined, patch: JsonValue[]): JsonValue[] {
  const existing = Array.isArray(current) ? current : [];
  if (mergedPrimitiveLists.has(field)) return [...new Set([...existing, ...patch])] as JsonValue[];
  const mergeKey = (listMergeKeys[field] ?? []).find((key) => patch.some((item) => isObject(item) && key in item));
  if (!mergeKey) return patch.map((item) => (isObject(item) ? withoutDirectives(item) : item));
  const merged: JsonValue[] = existing.map((item) => structuredClone(item));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = merged.findIndex((candidate) => isObject(candidate) && candidate[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (index >= 0) merged.splice(index, 1);
    } else if (index >= 0) {
      merged[index] = strategicMerge(merged[index], item);
    } else {
      merged.push(withoutDirectives(item));
    }
  }
  return merged;
}
// #endregion strategic-merge

function withoutDirectives(object: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (!key.startsWith('$')) result[key] = value;
  return result;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: JsonValue): JsonObject {
  if (!isObject(value)) throw badRequest('the patch must result in an object');
  return value;
}
