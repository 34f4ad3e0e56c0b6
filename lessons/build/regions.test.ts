// Table-driven tests of the region grammar: what a lint reports, what a lesson quotes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedent, extractRegion, parseRegions } from './regions.js';

const lines = (...text: string[]) => text.join('\n');

test('problems the lint reports', () => {
  const cases: Array<{ name: string; text: string; problems: string[] }> = [
    { name: 'a balanced region has none', text: lines('// #region a', 'x', '// #endregion'), problems: [] },
    { name: 'an #endregion may name its region', text: lines('// #region a', '// #endregion a'), problems: [] },
    { name: 'an #endregion naming another region', text: lines('// #region a', '// #endregion b'), problems: ['#endregion b closes region "a" (opened on line 1)'] },
    { name: 'a region never closed', text: lines('// #region a', 'x'), problems: ['region "a" is never closed'] },
    { name: 'an #endregion without a region', text: lines('x', '// #endregion'), problems: ['#endregion without a #region'] },
    { name: 'the same id twice', text: lines('// #region a', '// #endregion', '// #region a', '// #endregion'), problems: ['region "a" is defined twice in this file'] },
    { name: 'one level of nesting is fine', text: lines('// #region a', '  // #region b', '  // #endregion', '// #endregion'), problems: [] },
    {
      name: 'two levels of nesting are not',
      text: lines('// #region a', '// #region b', '// #region c', '// #endregion', '// #endregion', '// #endregion'),
      problems: ['region "c" nests deeper than 2 levels'],
    },
  ];
  for (const { name, text, problems } of cases) {
    assert.deepEqual(parseRegions(text).problems.map((problem) => problem.message), problems, name);
  }
});

test('an exercise region carries its exercise and points', () => {
  const [region] = parseRegions(lines('  // #region store-create exercise=create-if-absent points=10', '  x', '  // #endregion store-create')).regions;
  assert.deepEqual(region, { id: 'store-create', startLine: 1, endLine: 3, depth: 1, exercise: 'create-if-absent', points: 10 });
});

test('an excerpt drops nested markers and the common indent', () => {
  const text = lines('class A {', '  // #region outer', '  f() {', '    // #region inner', '    g();', '    // #endregion inner', '  }', '  // #endregion', '}');
  assert.equal(extractRegion(text, 'outer')?.code, lines('f() {', '  g();', '}'));
  assert.equal(extractRegion(text, 'inner')?.code, 'g();');
  assert.equal(extractRegion(text, 'missing'), undefined);
});

test('dedent keeps blank lines inside and drops them at the ends', () => {
  assert.deepEqual(dedent(['', '    a', '', '      b', '']), ['a', '', '  b']);
  assert.deepEqual(dedent(['', '  ']), []);
});
