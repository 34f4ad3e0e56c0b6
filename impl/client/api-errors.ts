// What an error answer from the API server means, read from its Status.
//
// A caller decides from the Status the server sent (its `reason`, and the `code` where a
// reason may be missing), never from the URL or the message text: "NotFound" means the object
// named in `details` does not exist; "Conflict" that a precondition or a resourceVersion did
// not match; "AlreadyExists" that the name is taken.
// Real Kubernetes: apimachinery/pkg/api/errors (IsNotFound, IsConflict, IsAlreadyExists, ...).

import { ApiError } from './rest-client.js';

function hasReason(error: unknown, reason: string, code: number): error is ApiError {
  return error instanceof ApiError && (error.reason === reason || (error.reason === '' && error.code === code));
}

export function isNotFound(error: unknown): error is ApiError {
  return hasReason(error, 'NotFound', 404);
}

export function isConflict(error: unknown): error is ApiError {
  return hasReason(error, 'Conflict', 409);
}

export function isAlreadyExists(error: unknown): error is ApiError {
  return hasReason(error, 'AlreadyExists', 409);
}

/** 410: the resourceVersion asked for is older than the history etcd still keeps. */
export function isResourceExpired(error: unknown): error is ApiError {
  return hasReason(error, 'Expired', 410) || hasReason(error, 'Gone', 410);
}

/** NotFound for the object named `name` itself (its Status' details), not for its namespace or another object. */
export function isNotFoundNamed(error: unknown, name: string): error is ApiError {
  return isNotFound(error) && error.status.details?.name === name;
}
