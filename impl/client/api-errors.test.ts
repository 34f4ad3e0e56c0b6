import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAlreadyExists, isConflict, isNotFound, isNotFoundNamed } from './api-errors.js';
import { ApiError } from './rest-client.js';

const answer = (code: number, reason: string, name?: string) =>
  new ApiError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code,
      reason,
      message: '',
      details: name ? { name, kind: 'pods' } : undefined,
    },
    'GET',
    '/api/v1/namespaces/a/pods/web',
  );

test('the Status reason decides, not the path', () => {
  assert.equal(isNotFound(answer(404, 'NotFound', 'web')), true);
  assert.equal(isConflict(answer(409, 'Conflict')), true);
  assert.equal(isAlreadyExists(answer(409, 'AlreadyExists')), true);
  assert.equal(isConflict(answer(409, 'AlreadyExists')), false);
  assert.equal(isNotFound(new Error('404')), false);
});

test('NotFound of the object itself is told from NotFound of its namespace by the Status details', () => {
  assert.equal(isNotFoundNamed(answer(404, 'NotFound', 'web'), 'web'), true);
  assert.equal(isNotFoundNamed(answer(404, 'NotFound', 'a'), 'web'), false);
  assert.equal(isNotFoundNamed(answer(404, 'NotFound'), 'web'), false);
});
