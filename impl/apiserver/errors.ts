// API errors: every failure a client sees is a metav1.Status with a code, a reason and a message.
//
// Learners compare these bodies with what a real cluster answers, so the wording is spec:
// each helper below reproduces one constructor of k8s.io/apimachinery/pkg/api/errors and its
// exact message format. A StatusError is thrown anywhere in the request path and rendered once,
// by the server, as the JSON Kubernetes returns.
//
// Real Kubernetes: apimachinery/pkg/api/errors/errors.go (NewNotFound, NewConflict, ...),
// apiserver/pkg/endpoints/handlers/responsewriters/status.go (ErrorToAPIStatus).

import type { Status, StatusCause, StatusDetails } from '../client/types.js';

/** The optimistic-locking message, word for word (registry/generic/registry/store.go). */
export const OptimisticLockErrorMessage =
  'the object has been modified; please apply your changes to the latest version and try again';

export const ResourceNotFoundMessage = 'the server could not find the requested resource';

export interface GroupResource {
  group: string;
  resource: string;
}

export class StatusError extends Error {
  readonly status: Status;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    // Field order as Kubernetes writes it: ..., message, reason, details, code.
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason ?? '';
  }
}

/** `pods` for the core group, `deployments.apps` otherwise: GroupResource.String(). */
export function qualifiedResource({ group, resource }: GroupResource): string {
  return group ? `${resource}.${group}` : resource;
}

function detailsFor(gr: GroupResource, name: string): StatusDetails {
  return gr.group ? { name, group: gr.group, kind: gr.resource } : { name, kind: gr.resource };
}

export function notFound(gr: GroupResource, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, detailsFor(gr, name));
}

export function resourceNotFound(): StatusError {
  return new StatusError(404, 'NotFound', ResourceNotFoundMessage, {});
}

export function alreadyExists(gr: GroupResource, name: string, prefix = '', suffix = ''): StatusError {
  const message = `${prefix}${qualifiedResource(gr)} "${name}" already exists${suffix}`;
  return new StatusError(409, 'AlreadyExists', message, detailsFor(gr, name));
}

// #region conflict
export function conflict(gr: GroupResource, name: string, why: string): StatusError {
  const message = `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`;
  return new StatusError(409, 'Conflict', message, detailsFor(gr, name));
}
// #endregion conflict

/** NewInvalid: details.kind is the Kind (`Pod`), not the resource, and every cause is listed. */
export function invalid(kind: { group: string; kind: string }, name: string, causes: FieldError[]): StatusError {
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const summary = causes.map(renderFieldError);
  const body = summary.length === 1 ? summary[0] : `[${summary.join(', ')}]`;
  const details: StatusDetails = { name, kind: kind.kind, causes: causes.map(toCause) };
  if (kind.group) details.group = kind.group;
  return new StatusError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${body}`, details);
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}

/** 410 with reason Expired: what a watch or list from a compacted resourceVersion gets. */
export function expired(message: string): StatusError {
  return new StatusError(410, 'Expired', message);
}

export function forbidden(gr: GroupResource, name: string, why: string): StatusError {
  const message = `${qualifiedResource(gr)} "${name}" is forbidden: ${why}`;
  return new StatusError(403, 'Forbidden', message, detailsFor(gr, name));
}

export function methodNotSupported(gr: GroupResource, action: string): StatusError {
  const message = `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`;
  return new StatusError(405, 'MethodNotAllowed', message, { kind: gr.resource });
}

export function unsupportedMediaType(contentType: string): StatusError {
  return new StatusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ` +
      `application/json, application/yaml, application/merge-patch+json, application/json-patch+json, ` +
      `application/strategic-merge-patch+json (got ${contentType})`,
  );
}

export function internalError(cause: unknown): StatusError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new StatusError(500, 'InternalError', `Internal error occurred: ${text}`, {
    causes: [{ message: text }],
  });
}

/** A field.Error: the unit of validation, rendered as `<field>: <type>: <detail>`. */
export interface FieldError {
  type:
    | 'FieldValueInvalid'
    | 'FieldValueRequired'
    | 'FieldValueNotSupported'
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate';
  field: string;
  value?: unknown;
  detail?: string;
}

const fieldErrorTypeText: Record<FieldError['type'], string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
};

function fieldErrorBody(error: FieldError): string {
  const typeText = fieldErrorTypeText[error.type];
  const hasValue =
    error.type === 'FieldValueInvalid' ||
    error.type === 'FieldValueNotSupported' ||
    error.type === 'FieldValueDuplicate';
  const head = hasValue ? `${typeText}: ${JSON.stringify(error.value)}` : typeText;
  return error.detail ? `${head}: ${error.detail}` : head;
}

function renderFieldError(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

function toCause(error: FieldError): StatusCause {
  return { reason: error.type, message: fieldErrorBody(error), field: error.field };
}
