import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadExercises } from './catalog.js';
import { componentsToReload } from './warm-cluster.js';

test('a rebuild restarts the components that run the exercise, the API server first', () => {
  assert.deepEqual(componentsToReload(['impl/store/registry-keys.ts']), ['apiserver']);
  assert.deepEqual(componentsToReload(['impl/scheduler/plugins/node-resources-fit.ts']), ['scheduler']);
  assert.deepEqual(componentsToReload(['impl/controllers/replicaset/pods.ts']), [
    'controller-manager',
    'controller-manager-2',
  ]);
  assert.deepEqual(componentsToReload(['impl/controllers/replicaset/pods.ts', 'impl/store/store.ts']), [
    'apiserver',
    'controller-manager',
    'controller-manager-2',
  ]);
});

test('code every client shares restarts every restartable component; etcd never restarts', () => {
  assert.deepEqual(componentsToReload(['impl/client/workqueue.ts']), [
    'apiserver',
    'scheduler',
    'controller-manager',
    'controller-manager-2',
    'node-agent',
  ]);
});

test('every exercise restarts at least one component', () => {
  for (const exercise of loadExercises()) assert.notDeepEqual(componentsToReload(exercise.files), [], exercise.id);
});
