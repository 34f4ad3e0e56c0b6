// Table-driven tests of the region grammar: what the lint reports, what the student edition stubs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exerciseRegions, parseRegions } from './regions.js';

const lines = (...text: string[]) => text.join('\n');

test('problems the lint reports', () => {
  const cases: Array<{ name: string; text: string; problems: string[] }> = [
    { name: 'a balanced region has none', text: lines('// #region a', 'x', '// #endregion'), problems: [] },
    { name: 'an #endregion may name its region', text: lines('// #region a', '// #endregion a'), problems: [] },
    {
      name: 'an #endregion naming another region',
      text: lines('// #region a', '// #endregion b'),
      problems: ['#endregion b closes region "a" (opened on line 1)'],
    },
    { name: 'a region never closed', text: lines('// #region a', 'x'), problems: ['region "a" is never closed'] },
    {
      name: 'an #endregion without a region',
      text: lines('x', '// #endregion'),
      problems: ['#endregion without a #region'],
    },
    {
      name: 'the same id twice',
      text: lines('// #region a', '// #endregion', '// #region a', '// #endregion'),
      problems: ['region "a" is defined twice in this file'],
    },
    {
      name: 'one level of nesting is fine',
      text: lines('// #region a', '  // #region b', '  // #endregion', '// #endregion'),
      problems: [],
    },
    {
      name: 'two levels of nesting are not',
      text: lines('// #region a', '// #region b', '// #region c', '// #endregion', '// #endregion', '// #endregion'),
      problems: ['region "c" nests deeper than 2 levels'],
    },
  ];
  for (const { name, text, problems } of cases) {
    assert.deepEqual(
      parseRegions(text).problems.map((problem) => problem.message),
      problems,
      name,
    );
  }
});

test('an exercise region carries its exercise and points', () => {
  const [region] = parseRegions(
    lines('  // #region store-create exercise=create-if-absent points=10', '  x', '  // #endregion store-create'),
  ).regions;
  assert.deepEqual(region, {
    id: 'store-create',
    startLine: 1,
    endLine: 3,
    depth: 1,
    exercise: 'create-if-absent',
    points: 10,
  });
});

test('exerciseRegions keeps the exercise regions and refuses a broken file', () => {
  const text = lines('// #region a', '// #endregion', '// #region b exercise=x points=5', 'f();', '// #endregion b');
  assert.deepEqual(exerciseRegions(text, 'f.ts'), [
    { id: 'b', startLine: 3, endLine: 5, depth: 1, exercise: 'x', points: 5 },
  ]);
  assert.throws(() => exerciseRegions(lines('// #region a', 'x'), 'f.ts'), /f\.ts:1: region "a" is never closed/);
  assert.throws(
    () => exerciseRegions(lines('// #region a exercise=x', '// #endregion'), 'f.ts'),
    /region a needs points=<n> beside exercise=x/,
  );
});
