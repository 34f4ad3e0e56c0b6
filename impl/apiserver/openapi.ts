// /openapi/v3 and /openapi/v2: the API's self-description, as kube-apiserver serves it.
//
// "Clients learn the API's schemas from the server." /openapi/v3 is an index of one document per
// group version, each addressed by a hash of its content, so a client caches a document until
// its hash changes; /openapi/v2 is the older single document. kubectl reads them for `explain`,
// to compute `apply`'s strategic merge patch, and before `create -f`/`apply -f` to see whether
// the PATCH operation takes the `fieldValidation` parameter, in which case it leaves field
// validation to the server (unknown-fields.ts).
//
// The documents are Kubernetes' own for v1.32, trimmed to the resources kubelab serves
// (openapi-spec.ts). kubelab serves them as JSON only: a client that accepts nothing but
// protobuf (client-go's OpenAPISchema asks so for v2) gets 406, as kube-openapi answers any
// format it does not serve. Real Kubernetes: kube-openapi pkg/handler3 (v3) and pkg/handler
// (v2); kubectl's check is cli-runtime/pkg/resource/query_param_verifier_v3.go.

import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { v2Document, v3Document } from './openapi-spec.js';
import { servedGroupVersions } from './resources.js';

interface Served {
  bytes: Buffer;
  /** Upper-case hex SHA-512 of the bytes: handler3's etag and the `hash` in the index. */
  hash: string;
}

const V3_PREFIX = '/openapi/v3/';
const serialized = new Map<string, Served>();

/** Answer an /openapi request; false when the path is not one. */
export function serveOpenApi(url: URL, accept: string | undefined, response: ServerResponse): boolean {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/openapi/v2') {
    writeDocument(response, accept, serve('v2', v2Document()), 'no-cache, private');
    return true;
  }
  if (path === '/openapi/v3') {
    writeDocument(response, accept, serve('v3', openApiIndex()), 'no-cache, private');
    return true;
  }
  if (!path.startsWith(V3_PREFIX)) return false;
  const prefix = path.slice(V3_PREFIX.length);
  const groupVersion = servedGroupVersions().find((gv) => v3Prefix(gv) === prefix);
  const document = groupVersion && v3Document(groupVersion.group, groupVersion.version);
  if (!document) return false;
  const served = serve(prefix, document);
  const hash = url.searchParams.get('hash');
  // A stale hash is sent on to the current document's address.
  if (hash && hash !== served.hash) {
    response.writeHead(301, { Location: serverRelativeURL(prefix, served.hash) });
    response.end();
    return true;
  }
  writeDocument(response, accept, served, hash ? 'public, immutable' : 'no-cache, private');
  return true;
}

/** The openapi/v3 index: one document per group version, addressed by a content hash. */
export function openApiIndex(): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of servedGroupVersions()) {
    const prefix = v3Prefix(gv);
    const document = v3Document(gv.group, gv.version);
    if (document) paths[prefix] = { serverRelativeURL: serverRelativeURL(prefix, serve(prefix, document).hash) };
  }
  return { paths };
}

function writeDocument(response: ServerResponse, accept: string | undefined, served: Served, cache: string): void {
  if (!acceptsJson(accept)) {
    response.writeHead(406, { Vary: 'Accept' });
    response.end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': served.bytes.length,
    'Cache-Control': cache,
    Etag: JSON.stringify(served.hash),
    Vary: 'Accept',
  });
  response.end(served.bytes);
}

/** Serialize once: the documents do not change while the server runs (the index is rebuilt, and equal). */
function serve(key: string, document: object): Served {
  const cached = serialized.get(key);
  if (cached) return cached;
  const bytes = Buffer.from(JSON.stringify(document));
  const served = { bytes, hash: createHash('sha512').update(bytes).digest('hex').toUpperCase() };
  serialized.set(key, served);
  return served;
}

/** No Accept header, or one that admits application/json, `application/*` or `*\/*`. */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept?.trim()) return true;
  return accept.split(',').some((clause) => {
    const type = clause.split(';')[0]?.trim().toLowerCase() ?? '';
    return type === 'application/json' || type === 'application/*' || type === '*/*';
  });
}

function v3Prefix(gv: { group: string; version: string }): string {
  return gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
}

function serverRelativeURL(prefix: string, hash: string): string {
  return `${V3_PREFIX}${prefix}?hash=${hash}`;
}
