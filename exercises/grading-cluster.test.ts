import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { codeHash } from './code-hash.js';
import { gradeRun } from './grade.js';
import { gradingCluster } from './grading-cluster.js';

function project(solution: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'grading-cluster-'));
  for (const folder of ['impl/store', 'features', 'steps']) mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, 'impl/store/store.ts'), solution);
  writeFileSync(path.join(dir, 'features/a.feature'), 'Feature: a');
  writeFileSync(path.join(dir, 'steps/a.steps.ts'), '');
  return dir;
}

test('the hash changes with the code, not with where the project is', () => {
  assert.equal(codeHash(project('one')), codeHash(project('one')));
  assert.notEqual(codeHash(project('one')), codeHash(project('two')));
});

test('a run that started its cluster grades; one against another cluster does not, unless it runs this code', () => {
  const dir = project('solved');
  assert.equal(gradingCluster(dir, {}).isGraded, true);
  const external = gradingCluster(dir, { KUBELAB_KUBECONFIG: '/k' });
  assert.equal(external.isGraded, false);
  assert.match(external.why ?? '', /did not start the cluster/);
  assert.equal(
    gradingCluster(dir, { KUBELAB_KUBECONFIG: '/k', KUBELAB_CLUSTER_CODE_HASH: codeHash(dir) }).isGraded,
    true,
  );
  assert.match(
    gradingCluster(dir, { KUBELAB_KUBECONFIG: '/k', KUBELAB_CLUSTER_CODE_HASH: 'other' }).why ?? '',
    /other code/,
  );
});

test('exercises on a cluster that does not run the graded code earn nothing and say not graded', () => {
  const exercise = { id: 'a', title: 'A', points: 10, lesson: 'l', section: 's', hints: ['h'], files: [], stub: '' };
  const passed = { name: 'x', uri: 'f:1', tags: ['@exercise-a'], status: 'passed' as const };
  const cluster = { codeHash: '0123', startedByRun: false, isGraded: false, why: 'not this code' };
  const grade = gradeRun([exercise], [passed], 'student', cluster);
  assert.equal(grade.earned, 0);
  assert.equal(grade.exercises[0]?.notGraded, true);
  assert.deepEqual(grade.cluster, { startedByRun: false, isGraded: false, why: 'not this code' });
  assert.equal(grade.codeHash, '0123');
  assert.equal(gradeRun([exercise], [passed], 'student', { ...cluster, isGraded: true }).earned, 10);
});
