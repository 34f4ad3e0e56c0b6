import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContainerView } from './container-view.js';
import { podPhase } from './pod-phase.js';

const base = {
  name: 'c',
  image: 'kubelab/echo',
  imageID: '',
  ready: false,
  started: false,
  restartCount: 0,
  lastState: {},
};
const running: ContainerView = { ...base, state: { running: { startedAt: 't' } } };
const exited = (exitCode: number): ContainerView => ({
  ...base,
  state: {
    terminated: {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: 't',
      finishedAt: 't',
      containerID: 'x',
    },
  },
});
const creating: ContainerView = { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
const backingOff: ContainerView = {
  ...base,
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: exited(1).state,
};

describe("a pod's phase, from its containers (getPhase)", () => {
  it('is Pending while a container has not started, or the init containers have not completed', () => {
    assert.equal(podPhase('Always', [], [running, creating]), 'Pending');
    assert.equal(podPhase('Always', [running], [creating]), 'Pending');
  });

  it('is Running while one runs, or one will be restarted', () => {
    assert.equal(podPhase('Never', [], [running, exited(0)]), 'Running');
    assert.equal(podPhase('Always', [], [backingOff]), 'Running');
    assert.equal(podPhase('Always', [], [exited(0)]), 'Running');
    assert.equal(podPhase('OnFailure', [], [exited(3)]), 'Running');
  });

  it('is Succeeded when all ended with 0 and none restarts, Failed when one failed for good', () => {
    assert.equal(podPhase('Never', [], [exited(0), exited(0)]), 'Succeeded');
    assert.equal(podPhase('OnFailure', [], [exited(0)]), 'Succeeded');
    assert.equal(podPhase('Never', [], [exited(0), exited(3)]), 'Failed');
  });

  it('counts init containers as getPhase does: a failed one fails the pod under Never, and only then', () => {
    const initializing: ContainerView = { ...base, state: { waiting: { reason: 'PodInitializing' } } };
    assert.equal(podPhase('Never', [exited(1)], [initializing]), 'Failed');
    assert.equal(podPhase('OnFailure', [backingOff], [initializing]), 'Pending');
    assert.equal(podPhase('Always', [exited(0), creating], [initializing]), 'Pending');
    assert.equal(podPhase('Always', [exited(0), exited(0)], [running]), 'Running');
  });
});
