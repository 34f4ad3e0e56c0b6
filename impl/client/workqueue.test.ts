import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkQueue } from './workqueue.js';

describe('work queue', () => {
  it('keeps one entry for a key added many times', async () => {
    const queue = new WorkQueue();
    queue.add('default/a');
    queue.add('default/a');
    queue.add('default/b');
    assert.equal(queue.length, 2);
  });

  it('never hands a key to two workers; a change during work queues it again after done', async () => {
    const queue = new WorkQueue();
    queue.add('default/a');
    const key = await queue.get();
    queue.add('default/a');
    assert.equal(queue.length, 0, 'queued while being processed');
    queue.done(key ?? '');
    assert.equal(queue.length, 1);
  });

  it('doubles the retry delay with each failure and resets it on forget', () => {
    const queue = new WorkQueue({ baseDelayMs: 5 });
    queue.addRateLimited('k');
    queue.addRateLimited('k');
    queue.addRateLimited('k');
    assert.equal(queue.numRequeues('k'), 3);
    queue.forget('k');
    assert.equal(queue.numRequeues('k'), 0);
    queue.shutDown();
  });

  it('wakes a waiting worker when a key arrives, and releases it on shut down', async () => {
    const queue = new WorkQueue();
    const waiting = queue.get();
    queue.add('x');
    assert.equal(await waiting, 'x');
    const next = queue.get();
    queue.shutDown();
    assert.equal(await next, undefined);
  });
});
