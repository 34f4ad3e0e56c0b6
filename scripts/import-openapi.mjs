// Imports Kubernetes' own published OpenAPI documents, trimmed to what kubelab serves.
//
// Kubernetes commits the documents its API server publishes: api/openapi-spec/swagger.json (v2)
// and api/openapi-spec/v3/<group-version>_openapi.json (v3). This script keeps the paths of the
// resources and subresources in impl/apiserver/resources.ts (no watch/ paths, no logs, exec or
// proxy) and the schemas those paths reach, and writes them to impl/apiserver/openapi/spec/.
// Nothing in the output is written by hand: every kept path and schema is upstream's, unchanged.
//
// Usage (from the project root, after `npm run build`):
//   node scripts/import-openapi.mjs <kubernetes checkout at release-1.32>

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findResource, servedGroupVersions } from '../dist/impl/apiserver/resources.js';

const RELEASE = 'release-1.32';
const OUTPUT = 'impl/apiserver/openapi/spec';

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node scripts/import-openapi.mjs <kubernetes checkout>');
  process.exit(2);
}
const specDir = path.join(checkout, 'api', 'openapi-spec');

mkdirSync(path.join(OUTPUT, 'v3'), { recursive: true });
for (const gv of servedGroupVersions()) {
  const name = gv.group ? `apis__${gv.group}__${gv.version}` : `api__${gv.version}`;
  const upstream = readJson(path.join(specDir, 'v3', `${name}_openapi.json`));
  const source = `api/openapi-spec/v3/${name}_openapi.json`;
  write(path.join(OUTPUT, 'v3', `${name}.json`), trim(upstream, '#/components/schemas/', source));
}
const swagger = readJson(path.join(specDir, 'swagger.json'));
write(path.join(OUTPUT, 'swagger.json'), trim(swagger, '#/definitions/', 'api/openapi-spec/swagger.json'));

/** Keep the served paths, then every schema (and v2 shared parameter) reachable from them. */
function trim(document, schemaPrefix, source) {
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([p]) => isServedPath(p)));
  const isV3 = schemaPrefix.startsWith('#/components/');
  const schemas = isV3 ? document.components.schemas : document.definitions;
  const kept = reachableSchemas(paths, schemas, schemaPrefix);
  const header = {
    source: `Kubernetes ${RELEASE}, ${source}`,
    trimmed: 'only the paths of the resources kubelab serves and the schemas they reach',
    regenerate: 'npm run build && node scripts/import-openapi.mjs <kubernetes checkout>',
  };
  const trimmed = { 'x-kubelab-import': header, ...document, paths };
  if (isV3) trimmed.components = { ...document.components, schemas: kept };
  else {
    trimmed.definitions = kept;
    trimmed.parameters = pick(document.parameters, referenced(paths, '#/parameters/'));
  }
  return trimmed;
}

function reachableSchemas(paths, schemas, prefix) {
  const names = new Set();
  const pending = [...referenced(paths, prefix)];
  while (pending.length > 0) {
    const name = pending.pop();
    if (names.has(name) || !schemas[name]) continue;
    names.add(name);
    pending.push(...referenced(schemas[name], prefix));
  }
  return pick(schemas, names);
}

function referenced(value, prefix) {
  const found = new Set();
  JSON.stringify(value, (key, inner) => {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith(prefix)) found.add(inner.slice(prefix.length));
    return inner;
  });
  return found;
}

/** `/api/v1/namespaces/{namespace}/pods/{name}/status` is served when pods and pods/status are. */
function isServedPath(upstreamPath) {
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(upstreamPath);
  if (!match) return false;
  const [, coreVersion, group = '', groupVersion, rest] = match;
  let segments = rest.split('/');
  const isInNamespace = segments[0] === 'namespaces' && segments[1] === '{namespace}' && segments.length > 2;
  if (isInNamespace) segments = segments.slice(2);
  const [resource, name, subresource, ...more] = segments;
  const info = findResource(group, coreVersion ?? groupVersion, resource);
  if (!info || more.length > 0 || (name !== undefined && !/^\{name\}$/.test(name))) return false;
  return subresource === undefined || info.subresources.includes(subresource);
}

function pick(record, names) {
  return Object.fromEntries([...names].sort().map((name) => [name, record[name]]));
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function write(file, document) {
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${file}: ${Object.keys(document.paths).length} paths`);
}
