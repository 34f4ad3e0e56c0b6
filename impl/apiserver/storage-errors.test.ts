import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InvalidContinueTokenError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionCompactedError,
} from '../store/errors.js';
import { conflict, OptimisticLockErrorMessage, StatusError } from './errors.js';
import { interpretListError, interpretStorageError, interpretWatchError } from './storage-errors.js';

const configmaps = { group: '', resource: 'configmaps' };
const deployments = { group: 'apps', resource: 'deployments' };

function statusOf(error: unknown): { code: number; reason: string; message: string } {
  assert.ok(error instanceof StatusError, `not a StatusError: ${String(error)}`);
  return { code: error.code, reason: error.reason, message: error.message };
}

describe('interpretStorageError', () => {
  it('words a taken key as AlreadyExists, with the prefix when the object is being deleted', () => {
    const key = '/registry/configmaps/demo/x';
    assert.deepEqual(statusOf(interpretStorageError(new KeyExistsError(key), configmaps, 'x')), {
      code: 409,
      reason: 'AlreadyExists',
      message: 'configmaps "x" already exists',
    });
    const deleting = { metadata: { name: 'x', deletionTimestamp: '2024-05-01T10:00:00Z' } };
    assert.equal(
      statusOf(interpretStorageError(new KeyExistsError(key), configmaps, 'x', deleting)).message,
      'object is being deleted: configmaps "x" already exists',
    );
  });

  it('words a missing key as NotFound of the qualified resource', () => {
    assert.deepEqual(
      statusOf(interpretStorageError(new KeyNotFoundError('/registry/deployments/demo/web'), deployments, 'web')),
      {
        code: 404,
        reason: 'NotFound',
        message: 'deployments.apps "web" not found',
      },
    );
  });

  it('passes a Status the update function threw through unchanged', () => {
    const refusal = conflict(configmaps, 'x', OptimisticLockErrorMessage);
    assert.equal(interpretStorageError(refusal, configmaps, 'x'), refusal);
  });
});

describe('interpretListError and interpretWatchError', () => {
  it('word a compacted revision as 410 Expired, in the words of a list, a continued list and a watch', () => {
    const compacted = new RevisionCompactedError(7);
    assert.equal(
      statusOf(interpretListError(compacted, false)).message,
      'The resourceVersion for the provided list is too old.',
    );
    assert.match(statusOf(interpretListError(compacted, true)).message, /^The provided continue parameter is too old/);
    assert.deepEqual(statusOf(interpretWatchError(compacted)), {
      code: 410,
      reason: 'Expired',
      message: 'The resourceVersion for the provided watch is too old.',
    });
  });

  it('word a bad continue token as BadRequest and any other watch failure as InternalError', () => {
    assert.deepEqual(statusOf(interpretListError(new InvalidContinueTokenError(), false)), {
      code: 400,
      reason: 'BadRequest',
      message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    });
    assert.deepEqual(statusOf(interpretWatchError(new Error('etcd went away'))), {
      code: 500,
      reason: 'InternalError',
      message: 'Internal error occurred: etcd went away',
    });
  });
});
