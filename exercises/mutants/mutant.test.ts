import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_DIR } from '../../impl/project-root.js';
import { loadExercises } from '../catalog.js';
import { AllMutants } from './all.js';
import { applyMutant, type Mutant, mutantName } from './mutant.js';

const start = '// #region';
const end = '// #endregion';
const file = [
  'const before = 1;',
  `${start} add exercise=add points=10`,
  'function add(a, b) {',
  '  return a + b;',
  '}',
  end,
  'const after = a + b;',
].join('\n');

function mutant(find: string, replace: string): Mutant {
  return { id: 'wrong', exercise: 'add', mistake: 'a test', edits: [{ file: 'add.ts', find, replace }] };
}

test('an edit inside the region replaces its text', () => {
  assert.match(applyMutant('add.ts', file, mutant('return a + b;', 'return a - b;')), /return a - b;/);
});

test('an edit of another file leaves this one alone', () => {
  const other: Mutant = { ...mutant('x', 'y'), edits: [{ file: 'other.ts', find: 'x', replace: 'y' }] };
  assert.equal(applyMutant('add.ts', file, other), file);
});

test('an edit that is missing, ambiguous or outside the region is refused', () => {
  assert.throws(() => applyMutant('add.ts', file, mutant('a * b', 'a')), /not found/);
  assert.throws(() => applyMutant('add.ts', file, mutant('a + b', 'a')), /more than once/);
  assert.throws(() => applyMutant('add.ts', file, mutant('const before', 'let before')), /outside the regions of add/);
});

test('every mutant applies to the reference and changes it', () => {
  const exercises = new Map(loadExercises().map((exercise) => [exercise.id, exercise]));
  const names = new Set<string>();
  for (const candidate of AllMutants) {
    const exercise = exercises.get(candidate.exercise);
    assert.ok(exercise, `${mutantName(candidate)}: no such exercise`);
    assert.ok(!names.has(mutantName(candidate)), `${mutantName(candidate)} is defined twice`);
    names.add(mutantName(candidate));
    for (const edit of candidate.edits)
      assert.ok(exercise.files.includes(edit.file), `${edit.file} is not a file of it`);
    for (const target of new Set(candidate.edits.map((edit) => edit.file))) {
      const text = readFileSync(path.join(PROJECT_DIR, target), 'utf8');
      assert.notEqual(applyMutant(target, text, candidate), text);
    }
  }
});
