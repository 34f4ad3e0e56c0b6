import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonValue } from '../client/types.js';
import { applyPatch, mergePatch, strategicMerge } from './patch.js';

describe('JSON merge patch (RFC 7396)', () => {
  const cases: Array<[string, JsonValue, JsonValue, JsonValue]> = [
    ['adds a field', { a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    ['null deletes a field', { a: 1, b: 2 }, { b: null }, { a: 1 }],
    ['objects merge deeply', { m: { x: 1 } }, { m: { y: 2 } }, { m: { x: 1, y: 2 } }],
    ['lists are replaced whole', { l: [1, 2] }, { l: [3] }, { l: [3] }],
  ];
  for (const [name, target, patch, expected] of cases)
    it(name, () => assert.deepEqual(mergePatch(target, patch), expected));
});

describe('strategic merge patch', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'a', image: 'one' },
        { name: 'b', image: 'two' },
      ],
    },
  };
  it('merges containers by name instead of replacing the list', () => {
    const result = strategicMerge(pod, { spec: { containers: [{ name: 'b', image: 'three' }] } });
    assert.deepEqual(result, {
      spec: {
        containers: [
          { name: 'a', image: 'one' },
          { name: 'b', image: 'three' },
        ],
      },
    });
  });
  it('deletes a list item marked $patch: delete', () => {
    const result = strategicMerge(pod, { spec: { containers: [{ name: 'a', $patch: 'delete' }] } });
    assert.deepEqual(result, { spec: { containers: [{ name: 'b', image: 'two' }] } });
  });
  it('ignores the $setElementOrder directive kubectl apply sends', () => {
    const result = strategicMerge({ metadata: { labels: { a: 'x' } } }, {
      metadata: { '$setElementOrder/finalizers': [], labels: { b: 'y' } },
    } as JsonValue);
    assert.deepEqual(result, { metadata: { labels: { a: 'x', b: 'y' } } });
  });
  it('merges finalizers as a set', () => {
    assert.deepEqual(strategicMerge({ metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['b', 'a'] } }), {
      metadata: { finalizers: ['a', 'b'] },
    });
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies operations in order', () => {
    const result = applyPatch('json', { metadata: { labels: { a: 'x' } } }, [
      { op: 'add', path: '/metadata/labels/b', value: 'y' },
      { op: 'remove', path: '/metadata/labels/a' },
    ]);
    assert.deepEqual(result, { metadata: { labels: { b: 'y' } } });
  });
  it('refuses a failed test operation', () => {
    assert.throws(() => applyPatch('json', { a: 1 }, [{ op: 'test', path: '/a', value: 2 }]));
  });
});
