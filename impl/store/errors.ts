// Storage errors: what the store says went wrong, in terms of keys and revisions.
//
// "The storage layer knows keys, not resources." The store reports that a key is taken, that a
// key is absent, that the revision asked for was compacted away, or that a continue token does
// not decode; it never words the Status a client reads. The API server's registry turns each
// into that Status (impl/apiserver/storage-errors.ts), so the store needs nothing of the API
// server. A refusal thrown by the caller's update function passes through the store unchanged.
//
// kubelab has no ResourceVersionConflicts error: a failed compare is never reported, the store
// reads the key again and retries (the registry's update function words the Conflict).
// Real Kubernetes: apiserver/pkg/storage/errors.go (StorageError; ErrCodeKeyExists,
// ErrCodeKeyNotFound) and apiserver/pkg/storage/etcd3/errors.go (interpretListError,
// for a compacted revision).

/** Anything the store itself refuses or fails to read. */
export class StorageError extends Error {}

/** A create found its key taken (ErrCodeKeyExists); `existing` is the object stored there. */
export class KeyExistsError extends StorageError {
  constructor(readonly key: string) {
    super(`key exists: ${key}`);
  }
}

/** A read, update or delete found no key (ErrCodeKeyNotFound). */
export class KeyNotFoundError extends StorageError {
  constructor(readonly key: string) {
    super(`key not found: ${key}`);
  }
}

/** A list or watch asked for history that compaction has removed. */
export class RevisionCompactedError extends StorageError {
  constructor(readonly revision: number) {
    super(`required revision ${revision} has been compacted`);
  }
}

/** A list's continue token is not one the store wrote; the message is Kubernetes' own words. */
export class InvalidContinueTokenError extends StorageError {
  constructor() {
    super('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
