import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadExercises } from './catalog.js';
import { componentsToReload, runsOnRealNodes } from './warm-cluster.js';

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

test("the kubelet's code restarts nothing: real nodes start with each scenario", () => {
  assert.deepEqual(componentsToReload(['impl/kubelet/pods/backoff.ts']), []);
  assert.equal(runsOnRealNodes(['impl/kubelet/pods/backoff.ts']), true);
  assert.equal(runsOnRealNodes(['impl/kubelet/simulated/agent.ts']), false);
  assert.equal(runsOnRealNodes(['impl/scheduler/schedule-one.ts']), false);
});

test('every exercise restarts at least one component, or runs on the real nodes its scenarios start', () => {
  for (const exercise of loadExercises()) {
    const restarts = componentsToReload(exercise.files).length > 0;
    assert.ok(restarts || runsOnRealNodes(exercise.files), exercise.id);
  }
});
