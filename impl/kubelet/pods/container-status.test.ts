import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContainerStatus } from '../cri/runtime-service.js';
import { type ContainerAttempts, containerStatusOf } from './container-status.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const attempt = (number: number, fields: Partial<ContainerStatus>): ContainerStatus => ({
  id: `c${number}`,
  sandboxId: 's',
  name: 'app',
  attempt: number,
  image: 'kubelab/crasher',
  state: 'CONTAINER_EXITED',
  createdAt: at(number * 10),
  startedAt: at(number * 10 + 1),
  finishedAt: at(number * 10 + 5),
  exitCode: 1,
  reason: 'Error',
  logPath: '/dev/null',
  ...fields,
});
const base: ContainerAttempts = {
  name: 'app',
  image: 'kubelab/crasher',
  attempts: [],
  initializing: false,
  startupPassed: true,
  readinessPassed: true,
};

describe('a container status', () => {
  it('waits in ContainerCreating before its first attempt, or PodInitializing behind init containers', () => {
    assert.deepEqual(containerStatusOf(base).state, { waiting: { reason: 'ContainerCreating' } });
    assert.deepEqual(containerStatusOf({ ...base, initializing: true }).state, {
      waiting: { reason: 'PodInitializing' },
    });
  });

  it('in CrashLoopBackOff shows the back-off as its state and the crash as its last state', () => {
    const waiting = { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=app' };
    const status = containerStatusOf({ ...base, attempts: [attempt(1, {}), attempt(0, {})], waiting });
    assert.deepEqual(status.state, { waiting });
    assert.equal(status.lastState.terminated?.exitCode, 1);
    assert.equal(status.lastState.terminated?.containerID, 'kubelab://c1');
    assert.equal(status.restartCount, 1);
  });

  it('running again shows the attempt before as its last state', () => {
    const running = attempt(2, { state: 'CONTAINER_RUNNING', finishedAt: undefined, exitCode: undefined });
    const status = containerStatusOf({ ...base, attempts: [running, attempt(1, {})] });
    assert.deepEqual(status.state, { running: { startedAt: '2026-01-01T00:00:21Z' } });
    assert.equal(status.lastState.terminated?.containerID, 'kubelab://c1');
    assert.deepEqual([status.started, status.ready, status.restartCount], [true, true, 2]);
  });

  it('is started only once its startup probe passed, and ready only once its readiness probe did too', () => {
    const running = attempt(0, { state: 'CONTAINER_RUNNING', finishedAt: undefined });
    const starting = containerStatusOf({ ...base, attempts: [running], startupPassed: false });
    const unready = containerStatusOf({ ...base, attempts: [running], readinessPassed: false });
    assert.deepEqual([starting.started, starting.ready], [false, false]);
    assert.deepEqual([unready.started, unready.ready], [true, false]);
  });
});
