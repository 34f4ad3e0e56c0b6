// Tests of excerpts: what a lesson quotes of a region.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedent, extractRegion } from './code-excerpt.js';

const lines = (...text: string[]) => text.join('\n');

test('an excerpt drops nested markers and the common indent', () => {
  const text = lines(
    'class A {',
    '  // #region outer',
    '  f() {',
    '    // #region inner',
    '    g();',
    '    // #endregion inner',
    '  }',
    '  // #endregion',
    '}',
  );
  assert.equal(extractRegion(text, 'outer')?.code, lines('f() {', '  g();', '}'));
  assert.equal(extractRegion(text, 'inner')?.code, 'g();');
  assert.equal(extractRegion(text, 'missing'), undefined);
});

test('dedent keeps blank lines inside and drops them at the ends', () => {
  assert.deepEqual(dedent(['', '    a', '', '      b', '']), ['a', '', '  b']);
  assert.deepEqual(dedent(['', '  ']), []);
});
