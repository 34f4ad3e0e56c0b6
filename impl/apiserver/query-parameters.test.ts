import assert from 'node:assert/strict';
import { test } from 'node:test';
import { booleanParameter } from './query-parameters.js';

const watch = (query: string) => booleanParameter(new URLSearchParams(query), 'watch');

test('a boolean parameter is false only for "0" and "false" in any case', () => {
  for (const value of ['0', 'false', 'False', 'FALSE']) assert.equal(watch(`watch=${value}`), false, value);
});

test('any other value is true, the empty one and the Python client\'s "True" included', () => {
  for (const query of ['watch=true', 'watch=True', 'watch=1', 'watch=yes', 'watch=', 'watch'])
    assert.equal(watch(query), true, query);
});

test('an absent parameter is undefined, so a default or a body can decide', () => {
  assert.equal(watch('limit=5'), undefined);
});
