// The OpenAPI documents this API server publishes: Kubernetes' own, trimmed to what kubelab serves.
//
// "The API describes itself." kube-apiserver builds its OpenAPI documents from the Go types; the
// same documents are committed to Kubernetes' repository (api/openapi-spec). kubelab imports
// those files (scripts/import-openapi.mjs writes openapi/spec/) rather than describing the types
// by hand, so `kubectl explain` prints Kubernetes' own field documentation and the unknown-field
// check (unknown-fields.ts) knows exactly the fields Kubernetes knows.
//
// The documents are read once, on first use, from the project folder every component has.
// Real Kubernetes: the documents are built by kube-openapi (pkg/builder3) from the generated
// definitions in pkg/generated/openapi.

import { readFileSync } from 'node:fs';
import { kubernetesVersion } from './discovery.js';
import type { ResourceInfo } from './resources.js';
import type { Schema, SchemaSet } from './unknown-fields.js';

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

interface V3Document {
  info: { title: string; version: string };
  paths: Record<string, unknown>;
  components: { schemas: Record<string, Schema & { 'x-kubernetes-group-version-kind'?: GroupVersionKind[] }> };
}

/** A kind's schema and the schemas its references point into. */
export interface KindSchema {
  schema: Schema;
  schemas: SchemaSet;
}

// From dist/impl/apiserver/ back to the imported files beside the sources.
const SPEC_DIRECTORY = new URL('../../../impl/apiserver/openapi/spec/', import.meta.url);
const IMPORT_HEADER = 'x-kubelab-import';

const loaded = new Map<string, Record<string, unknown>>();

/** The v3 document of one group version, as `/openapi/v3/<prefix>` serves it; undefined if not served. */
export function v3Document(group: string, version: string): Record<string, unknown> | undefined {
  const name = group ? `apis__${group}__${version}` : `api__${version}`;
  if (!/^[a-z0-9.]+$/.test(name.replace(/__/g, ''))) return undefined;
  return load(`v3/${name}.json`);
}

/** The v2 (Swagger 2.0) document `/openapi/v2` serves. */
export function v2Document(): Record<string, unknown> {
  return load('swagger.json') ?? {};
}

/** The schema of an object of this resource, found by its x-kubernetes-group-version-kind. */
export function kindSchema(info: ResourceInfo): KindSchema | undefined {
  const document = v3Document(info.group, info.version) as V3Document | undefined;
  if (!document) return undefined;
  const schemas = document.components.schemas;
  const schema = Object.values(schemas).find((candidate) =>
    candidate['x-kubernetes-group-version-kind']?.some(
      (gvk) => gvk.group === info.group && gvk.version === info.version && gvk.kind === info.kind,
    ),
  );
  return schema ? { schema, schemas } : undefined;
}

/** Read a document once, without the import header, and say which Kubernetes serves it. */
function load(file: string): Record<string, unknown> | undefined {
  const cached = loaded.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(new URL(file, SPEC_DIRECTORY), 'utf8');
  } catch {
    return undefined;
  }
  const { [IMPORT_HEADER]: _header, ...document } = JSON.parse(text) as Record<string, unknown>;
  document.info = { title: 'Kubernetes', version: kubernetesVersion.gitVersion };
  loaded.set(file, document);
  return document;
}
