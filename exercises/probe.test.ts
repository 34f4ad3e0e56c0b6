// The probe edition's parts: where the marks go in, how a log line is read, whose scenario a mark is.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exercise } from './catalog.js';
import { exercisesReached, probeExercises, probeMarkIn } from './probe.js';

const exercise = { id: 'pick', points: 5 } as Exercise;
const source = [
  "import { x } from './x.js';",
  '',
  '// #region pick exercise=pick points=5',
  'export function pick(values: number[]): number {',
  '  return values[0] ?? 0;',
  '}',
  '// #endregion',
  '',
  'export function untouched(): number {',
  '  return 1;',
  '}',
].join('\n');

test('each function of the region marks its exercise first; nothing else changes', () => {
  const probed = probeExercises('impl/scheduler/pick.ts', source, [exercise]);
  const lines = probed.split('\n');
  assert.equal(lines[0], "import { exerciseReached } from '../exercise-probe.js';");
  assert.equal(lines[4], 'export function pick(values: number[]): number { exerciseReached("pick");');
  assert.equal(lines.slice(1).filter((line) => line.includes('exerciseReached')).length, 1);
  assert.equal(probed.replace(/^.*\n/, '').replace(' exerciseReached("pick");', ''), source);
});

test('a file without the exercise is left as it is', () => {
  assert.equal(probeExercises('impl/a.ts', source, [{ id: 'other', points: 5 } as Exercise]), source);
});

test('a mark is read from a component log line, and other lines are not marks', () => {
  assert.deepEqual(probeMarkIn('kubelab-probe: exercise reached: select-host at 1700000000123'), {
    exercise: 'select-host',
    at: 1700000000123,
  });
  assert.equal(probeMarkIn('I scheduler "bound" pod=a node=b'), undefined);
});

test('a mark belongs to every scenario running when it was printed, and to no other', () => {
  const windows = [
    { uri: 'a.feature:3', started: 100, ended: 200 },
    { uri: 'a.feature:9', started: 250, ended: 300 },
  ];
  const marks = [
    { exercise: 'fits', at: 150 },
    { exercise: 'pick', at: 200 },
    { exercise: 'pick', at: 220 },
    { exercise: 'fits', at: 250 },
  ];
  assert.deepEqual(exercisesReached(windows, marks), { 'a.feature:3': ['fits', 'pick'], 'a.feature:9': ['fits'] });
});
