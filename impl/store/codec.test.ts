import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../client/types.js';
import { decodeObject, encodeObject, isSameObject } from './codec.js';

const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'a', resourceVersion: '5' },
  data: { x: '1' },
};

describe('what counts as a change', () => {
  const cases: Array<[string, KubeObject, boolean]> = [
    [
      'keys in another order are no change',
      { kind: 'ConfigMap', apiVersion: 'v1', data: { x: '1' }, metadata: { resourceVersion: '5', name: 'a' } },
      true,
    ],
    [
      'a null field is an unset field',
      { ...base, metadata: { ...base.metadata, creationTimestamp: null as unknown as string } },
      true,
    ],
    ['a new resourceVersion alone is no change', { ...base, metadata: { name: 'a', resourceVersion: '9' } }, true],
    ['a changed value is a change', { ...base, data: { x: '2' } }, false],
  ];
  for (const [name, other, expected] of cases) it(name, () => assert.equal(isSameObject(base, other), expected));
});

describe('storage encoding', () => {
  it('never stores the resourceVersion, and reads it back from the revision', () => {
    const stored = encodeObject(base);
    assert.equal(JSON.parse(stored).metadata.resourceVersion, undefined);
    assert.equal(decodeObject(stored, 42).metadata.resourceVersion, '42');
  });
});
