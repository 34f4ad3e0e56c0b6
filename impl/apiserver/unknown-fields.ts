// Unknown fields: the walk of an object against its OpenAPI schema that finds what the schema lacks.
//
// "kube-apiserver decodes every write into its Go type; a field the type lacks is an unknown field."
// The Go types and the published schema describe the same fields, so kubelab walks the object
// beside the imported schema instead: a key that is neither a property nor allowed by
// additionalProperties is unknown, named by its path the way the decoder names it
// (`spec.containers[0].foo`). Without a schema, or below x-kubernetes-preserve-unknown-fields,
// anything goes. Unknown fields are removed as they are found, as decoding drops them.
//
// kubelab does not report duplicate fields (JSON.parse keeps the last one silently). Real
// Kubernetes: sigs.k8s.io/json (UnmarshalStrict) and apimachinery/pkg/runtime/converter.go
// (FromUnstructuredWithValidation), which name unknown fields this way.

/** An OpenAPI v3 schema object, as much of it as the walk reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

/** components.schemas of one document: where `#/components/schemas/<name>` points. */
export type SchemaSet = Record<string, Schema>;

const REF_PREFIX = '#/components/schemas/';

/**
 * The paths of the fields in `value` that `schema` does not describe, in the order they occur;
 * each is deleted from `value`.
 */
export function dropUnknownFields(schema: Schema, schemas: SchemaSet, value: unknown, path = ''): string[] {
  const resolved = resolve(schema, schemas);
  if (!resolved || resolved['x-kubernetes-preserve-unknown-fields']) return [];
  if (Array.isArray(value)) {
    const items = resolved.items;
    if (!items) return [];
    return value.flatMap((item, index) => dropUnknownFields(items, schemas, item, `${path}[${index}]`));
  }
  if (!isObject(value)) return [];
  const { properties, additionalProperties } = resolved;
  // A schema that names no fields (RawExtension, FieldsV1) says nothing about them.
  if (!properties && additionalProperties === undefined) return [];
  const unknown: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const fieldSchema = properties?.[key] ?? (isObject(additionalProperties) ? additionalProperties : undefined);
    if (fieldSchema) unknown.push(...dropUnknownFields(fieldSchema, schemas, inner, fieldPath));
    else if (additionalProperties !== true) {
      unknown.push(fieldPath);
      delete value[key];
    }
  }
  return unknown;
}

/** Follow `$ref`, and the `allOf: [{$ref}]` wrapper Kubernetes puts around a described reference. */
function resolve(schema: Schema, schemas: SchemaSet): Schema | undefined {
  let current: Schema | undefined = schema;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current['x-kubernetes-preserve-unknown-fields']) return current;
    if (current.$ref) current = schemas[current.$ref.slice(REF_PREFIX.length)];
    else if (current.allOf?.length === 1 && !current.properties) current = current.allOf[0];
    else return current;
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
