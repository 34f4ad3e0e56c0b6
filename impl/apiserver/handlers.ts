// REST handlers: one function per verb, from a decoded request to a response.
//
// "The same verbs work on every resource": get, list, create, update, patch and delete, plus
// the status, binding and log subresources (pod-logs.ts). Each handler parses its query, calls the registry,
// and writes the answer with the status code Kubernetes uses (201 for a create, 200 for the
// rest); watch lives in watch-stream.ts. Writes drop the fields their schema lacks, or refuse
// them, as the request's fieldValidation says (field-validation.ts).
//
// Real Kubernetes: apiserver/pkg/endpoints/handlers (get.go, create.go, update.go, patch.go,
// delete.go) and pkg/registry/core/pod/storage (BindingREST).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Binding, JsonObject, KubeObject } from '../client/types.js';
import type { AuditLog } from './audit.js';
import { validatePropagation } from './deletion-policy.js';
import { badRequest, invalid, methodNotSupported, unsupportedMediaType } from './errors.js';
import { decodeBody, readBody, writeJson } from './http-io.js';
import { checkDecodedBody, checkPatchedObject, fieldValidation } from './field-validation.js';
import { patchContentTypes } from './patch.js';
import { handlePodLog } from './pod-logs.js';
import { changeScale, getScale } from './scale.js';
import type { Registry } from './registry.js';
import type { RequestInfo } from './request-info.js';
import { groupVersion, type ResourceInfo } from './resources.js';
import { toTable, wantsTable } from './table.js';
import { booleanParameter } from './query-parameters.js';

export interface ResourceRequest {
  info: ResourceInfo;
  request: RequestInfo;
  url: URL;
  http: IncomingMessage;
  response: ServerResponse;
  registry: Registry;
  audit: AuditLog;
}

// #region handle-resource
export async function handleResource(context: ResourceRequest): Promise<void> {
  const { info, request } = context;
  const subresource = request.subresource;
  if (subresource && !(info.subresources as string[]).includes(subresource))
    throw methodNotSupported(info, request.verb);
  if (subresource === 'scale') return handleScale(context);
  // namespaces/{name}/finalize: a PUT whose only effect is on spec.finalizers (strategy.ts).
  if (subresource === 'finalize' && request.verb !== 'update')
    throw methodNotSupported({ group: info.group, resource: `${info.resource}/finalize` }, request.verb);
  // An exec or attach is a WebSocket: it comes as an upgrade (server.ts), never as a plain request.
  if (subresource === 'exec' || subresource === 'attach') throw badRequest('Upgrade request required');
  if (subresource === 'log') {
    if (request.verb !== 'get') throw methodNotSupported({ group: info.group, resource: 'pods/log' }, request.verb);
    return handlePodLog(context);
  }
  if (subresource === 'binding') {
    if (request.verb !== 'create')
      throw methodNotSupported({ group: info.group, resource: 'pods/binding' }, request.verb);
    return handleBinding(context);
  }
  switch (request.verb) {
    case 'get':
      return handleGet(context);
    case 'list':
      return handleList(context);
    case 'create':
      return handleCreate(context);
    case 'update':
      return handleUpdate(context);
    case 'patch':
      return handlePatch(context);
    case 'delete':
      return handleDelete(context);
    default:
      throw methodNotSupported(info, request.verb);
  }
}
// #endregion handle-resource

async function handleGet({ info, request, registry, response, http }: ResourceRequest): Promise<void> {
  const object = await registry.get(info, request.namespace, request.name ?? '');
  respondObjects(response, http, info, [object], object.metadata.resourceVersion, object);
}

async function handleList({ info, request, url, registry, response, http }: ResourceRequest): Promise<void> {
  const query = url.searchParams;
  const revision = parseResourceVersion(query.get('resourceVersion'));
  const isExact = query.get('resourceVersionMatch') === 'Exact';
  const result = await registry.list(info, request.namespace, {
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
    revision: isExact ? revision : undefined,
    limit: query.get('limit') ? Number(query.get('limit')) : undefined,
    continueToken: query.get('continue') ?? undefined,
  });
  const metadata: JsonObject = { resourceVersion: String(result.revision) };
  if (result.continueToken) metadata.continue = result.continueToken;
  const list = {
    apiVersion: groupVersion(info),
    kind: `${info.kind}List`,
    metadata,
    items: result.items.map((item) => withTypeMeta(info, item)),
  };
  respondObjects(response, http, info, list.items, String(result.revision), list);
}

async function handleCreate({ info, request, url, registry, response, http, audit }: ResourceRequest): Promise<void> {
  const body = await readObjectBody(http);
  checkDecodedBody(info, body, fieldValidation(url.searchParams), response);
  audit.nameObject(body.metadata?.name);
  const created = await registry.create(info, request.namespace, body);
  audit.nameObject(created.metadata.name);
  writeJson(response, 201, withTypeMeta(info, created));
}

async function handleUpdate({ info, request, url, registry, response, http }: ResourceRequest): Promise<void> {
  const body = await readObjectBody(http);
  checkDecodedBody(info, body, fieldValidation(url.searchParams), response);
  const updated = await registry.update(info, request.namespace, request.name ?? '', body, request.subresource);
  writeJson(response, 200, withTypeMeta(info, updated));
}

async function handlePatch({ info, request, url, registry, response, http }: ResourceRequest): Promise<void> {
  const contentType = (http.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const type = patchContentTypes[contentType];
  if (!type) throw unsupportedMediaType(contentType);
  const patch = decodeBody(await readBody(http), 'application/json');
  const directive = fieldValidation(url.searchParams);
  const check = (patched: KubeObject) => checkPatchedObject(info, patched, directive, response);
  const { namespace, name = '', subresource } = request;
  const updated = await registry.patch(info, namespace, name, type, patch, subresource, check);
  writeJson(response, 200, withTypeMeta(info, updated));
}

async function handleDelete({ info, request, url, registry, response, http }: ResourceRequest): Promise<void> {
  const raw = await readBody(http);
  const options = raw.length > 0 ? (decodeBody(raw, http.headers['content-type']) as JsonObject) : {};
  const graceQuery = url.searchParams.get('gracePeriodSeconds');
  const grace = graceQuery !== null ? Number(graceQuery) : options.gracePeriodSeconds;
  const preconditions = (options.preconditions ?? undefined) as { uid?: string; resourceVersion?: string } | undefined;
  // propagationPolicy and orphanDependents come in the DeleteOptions body or as query parameters.
  const policy = url.searchParams.get('propagationPolicy') ?? options.propagationPolicy;
  const orphan = booleanParameter(url.searchParams, 'orphanDependents') ?? options.orphanDependents;
  const propagation = {
    propagationPolicy: typeof policy === 'string' ? policy : undefined,
    orphanDependents: typeof orphan === 'boolean' ? orphan : undefined,
  };
  const errors = validatePropagation(propagation);
  if (errors.length > 0) throw invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errors);
  const { object, isGone } = await registry.delete(info, request.namespace, request.name ?? '', {
    gracePeriodSeconds: typeof grace === 'number' ? grace : undefined,
    preconditions,
    ...propagation,
  });
  if (isGone && info.kind !== 'Pod') {
    const details = {
      name: object.metadata.name,
      group: info.group || undefined,
      kind: info.resource,
      uid: object.metadata.uid,
    };
    writeJson(response, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
    return;
  }
  writeJson(response, 200, withTypeMeta(info, object));
}

async function handleScale({ info, request, registry, response, http }: ResourceRequest): Promise<void> {
  const name = request.name ?? '';
  if (request.verb === 'get') return writeJson(response, 200, await getScale(registry, info, request.namespace, name));
  if (request.verb === 'update') {
    return writeJson(
      response,
      200,
      await changeScale(registry, info, request.namespace, name, { scale: await readObjectBody(http) }),
    );
  }
  if (request.verb === 'patch') {
    const contentType = (http.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const patchType = patchContentTypes[contentType];
    if (!patchType) throw unsupportedMediaType(contentType);
    const patch = decodeBody(await readBody(http), 'application/json');
    return writeJson(response, 200, await changeScale(registry, info, request.namespace, name, { patchType, patch }));
  }
  throw methodNotSupported({ group: info.group, resource: `${info.resource}/scale` }, request.verb);
}

async function handleBinding({ info, request, registry, response, http }: ResourceRequest): Promise<void> {
  const binding = (await readObjectBody(http)) as Binding;
  await registry.bind(info, request.namespace ?? '', request.name ?? '', binding);
  writeJson(response, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

async function readObjectBody(http: IncomingMessage): Promise<KubeObject> {
  const body = decodeBody(await readBody(http), http.headers['content-type']);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  }
  return body as unknown as KubeObject;
}

function respondObjects(
  response: ServerResponse,
  http: IncomingMessage,
  info: ResourceInfo,
  objects: KubeObject[],
  resourceVersion: string | undefined,
  plain: object,
): void {
  if (wantsTable(http.headers.accept)) writeJson(response, 200, toTable(info.kind, objects, resourceVersion));
  else writeJson(response, 200, plain === objects[0] ? withTypeMeta(info, plain as KubeObject) : plain);
}

/** Objects are stored with their apiVersion and kind; fill them in for old data. */
export function withTypeMeta(info: ResourceInfo, object: KubeObject): KubeObject {
  const { apiVersion, kind, ...rest } = object;
  return { apiVersion: apiVersion || groupVersion(info), kind: kind || info.kind, ...rest };
}

/** resourceVersion query values: "" and "0" mean "any", other values must be revisions. */
export function parseResourceVersion(value: string | null): number | undefined {
  if (value === null || value === '' || value === '0') return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`invalid resource version: ${value}`);
  return Number(value);
}
