// From storage errors to API errors: what a client reads when the store refuses.
//
// "The store speaks of keys; the API speaks of resources." The store reports a taken key, a
// missing key, a compacted revision or a bad continue token (impl/store/errors.ts); the registry
// knows which resource and name the key stands for, and words the Status a client reads:
// 409 AlreadyExists, 404 NotFound, 410 Expired, 400 BadRequest. Any other error passes through
// unchanged: a Status the registry's own update function threw is already in the API's words.
//
// kubelab folds InterpretGetError, InterpretCreateError, InterpretUpdateError and
// InterpretDeleteError into one: each storage error comes from one kind of call only.
// Real Kubernetes: apiserver/pkg/registry/generic/registry/storeerr/errors.go (Interpret*Error),
// registry/generic/registry/store.go (Create's "object is being deleted" prefix) and
// storage/etcd3/errors.go and watcher.go for the "too old" messages.

import type { KubeObject } from '../client/types.js';
import {
  InvalidContinueTokenError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionCompactedError,
} from '../store/errors.js';
import {
  alreadyExists,
  badRequest,
  expired,
  type GroupResource,
  internalError,
  notFound,
  StatusError,
} from './errors.js';

export const ListTooOldMessage = 'The resourceVersion for the provided list is too old.';
export const ContinueTooOldMessage =
  'The provided continue parameter is too old to display a consistent list result. ' +
  'You can start a new list without the continue parameter.';
export const WatchTooOldMessage = 'The resourceVersion for the provided watch is too old.';
export const ObjectBeingDeletedPrefix = 'object is being deleted: ';

/**
 * A failed create, get, update or delete of object `name`, in the API's words. For a taken
 * name, `existing` is the object found there, if the caller read it.
 */
export function interpretStorageError(
  error: unknown,
  resource: GroupResource,
  name: string,
  existing?: KubeObject,
): unknown {
  if (error instanceof KeyNotFoundError) return notFound(resource, name);
  if (error instanceof KeyExistsError) {
    const isBeingDeleted = Boolean(existing?.metadata.deletionTimestamp);
    return alreadyExists(resource, name, isBeingDeleted ? ObjectBeingDeletedPrefix : '');
  }
  return error;
}

/** For a promise's catch: throws the failure as interpretStorageError words it. */
export function rethrowAsStatus(resource: GroupResource, name: string): (error: unknown) => never {
  return (error) => {
    throw interpretStorageError(error, resource, name);
  };
}

/** A failed list; a continue token's page has a "too old" message of its own. */
export function interpretListError(error: unknown, isContinue: boolean): unknown {
  if (error instanceof RevisionCompactedError) return expired(isContinue ? ContinueTooOldMessage : ListTooOldMessage);
  if (error instanceof InvalidContinueTokenError) return badRequest(error.message);
  return error;
}

/** A watch that cannot start or go on, as the Status of its ERROR event. */
export function interpretWatchError(error: unknown): StatusError {
  if (error instanceof RevisionCompactedError) return expired(WatchTooOldMessage);
  return error instanceof StatusError ? error : internalError(error);
}
