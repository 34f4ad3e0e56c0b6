// Server-side field validation: what a write with unknown fields gets, by the `fieldValidation` parameter.
//
// "Strict refuses, Warn warns, Ignore drops silently." A create, an update or a patch whose
// object has fields its schema lacks (unknown-fields.ts) is refused with 400 BadRequest under
// fieldValidation=Strict; under Warn, the default, each field comes back as a Warning header
// (`299 - "unknown field \"spec.foo\""`, which kubectl prints as `Warning: unknown field
// "spec.foo"`); under Ignore nothing is said. Either way the field is dropped, never stored.
// kubectl sends Strict unless told `--validate=warn` or `--validate=false`.
//
// A create or update checks the body it decodes; a patch checks the patched object, and its
// refusal has no "cannot be handled as" prefix, as in Kubernetes. Real Kubernetes: apiserver/pkg/
// endpoints/handlers (create.go, update.go, patch.go, rest.go: transformDecodeError).

import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../client/types.js';
import { badRequest } from './errors.js';
import { kindSchema } from './openapi-spec.js';
import type { ResourceInfo } from './resources.js';
import { dropUnknownFields } from './unknown-fields.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const STRICT_DECODING_ERROR = 'strict decoding error: ';

/** The directive a request asks for; absent or empty means Warn (the default since v1.27). */
export function fieldValidation(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation');
  return value === 'Strict' || value === 'Ignore' ? value : 'Warn';
}

/**
 * Drop the unknown fields of a decoded create or update body; refuse them under Strict with
 * decoding's message, `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: …`.
 */
export function checkDecodedBody(
  info: ResourceInfo,
  body: KubeObject,
  directive: FieldValidation,
  response: ServerResponse,
): void {
  const unknown = unknownFieldErrors(info, body);
  if (unknown.length === 0) return;
  if (directive === 'Strict') {
    const kind = body.kind || info.kind;
    const version = body.apiVersion ? (body.apiVersion.split('/').pop() ?? '') : info.version;
    const strict = `${STRICT_DECODING_ERROR}${unknown.join(', ')}`;
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${info.kind}: ${strict}`);
  }
  if (directive === 'Warn') addWarnings(response, unknown);
}

/** The same for the object a patch produced: under Strict, `strict decoding error: …` alone. */
export function checkPatchedObject(
  info: ResourceInfo,
  patched: KubeObject,
  directive: FieldValidation,
  response: ServerResponse,
): void {
  const unknown = unknownFieldErrors(info, patched);
  if (unknown.length > 0 && directive === 'Strict') throw badRequest(`${STRICT_DECODING_ERROR}${unknown.join(', ')}`);
  if (directive === 'Warn') addWarnings(response, unknown);
}

/** Each warning as an RFC 7234 Warning header value, code 299, agent "-", the text quoted. */
export function addWarnings(response: ServerResponse, warnings: string[]): void {
  if (warnings.length === 0 || response.headersSent) return;
  const values = warnings.map((text) => `299 - "${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  const existing = response.getHeader('Warning');
  const previous = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  response.setHeader('Warning', [...previous, ...values.filter((value) => !previous.includes(value))]);
}

function unknownFieldErrors(info: ResourceInfo, object: KubeObject): string[] {
  const found = kindSchema(info);
  if (!found) return [];
  return dropUnknownFields(found.schema, found.schemas, object).map((path) => `unknown field "${path}"`);
}
