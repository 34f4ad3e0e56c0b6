import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { KubeObject } from '../client/types.js';
import { StatusError } from './errors.js';
import { checkDecodedBody, checkPatchedObject, fieldValidation } from './field-validation.js';
import { findResource } from './resources.js';

/** Just the header calls the checks make. */
function fakeResponse(): ServerResponse & { headers: Map<string, unknown> } {
  const headers = new Map<string, unknown>();
  return {
    headers,
    headersSent: false,
    getHeader: (name: string) => headers.get(name),
    setHeader: (name: string, value: unknown) => headers.set(name, value),
  } as unknown as ServerResponse & { headers: Map<string, unknown> };
}

const configMaps = findResource('', 'v1', 'configmaps');
const configMap = (): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' }, foo: 'bar' }) as KubeObject;

describe('fieldValidation', () => {
  it('defaults to Warn', () => {
    assert.equal(fieldValidation(new URLSearchParams('')), 'Warn');
    assert.equal(fieldValidation(new URLSearchParams('fieldValidation=Strict')), 'Strict');
    assert.equal(fieldValidation(new URLSearchParams('fieldValidation=Ignore')), 'Ignore');
  });

  it('Strict refuses a decoded body as decoding does', () => {
    assert.ok(configMaps);
    assert.throws(
      () => checkDecodedBody(configMaps, configMap(), 'Strict', fakeResponse()),
      (error: unknown) =>
        error instanceof StatusError &&
        error.code === 400 &&
        error.reason === 'BadRequest' &&
        error.message ===
          'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"',
    );
  });

  it('Strict refuses a patched object with the strict decoding error alone', () => {
    assert.ok(configMaps);
    assert.throws(
      () => checkPatchedObject(configMaps, configMap(), 'Strict', fakeResponse()),
      (error: unknown) =>
        error instanceof StatusError && error.message === 'strict decoding error: unknown field "foo"',
    );
  });

  it('Warn drops the field and says so in a Warning header; Ignore only drops it', () => {
    assert.ok(configMaps);
    const warned = configMap();
    const response = fakeResponse();
    checkDecodedBody(configMaps, warned, 'Warn', response);
    assert.deepEqual(response.headers.get('Warning'), ['299 - "unknown field \\"foo\\""']);
    assert.equal('foo' in warned, false);
    const ignored = configMap();
    const quiet = fakeResponse();
    checkDecodedBody(configMaps, ignored, 'Ignore', quiet);
    assert.equal(quiet.headers.size, 0);
    assert.equal('foo' in ignored, false);
  });
});
