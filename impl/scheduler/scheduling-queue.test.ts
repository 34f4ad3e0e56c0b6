import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../client/types.js';
import { SchedulingQueue } from './scheduling-queue.js';

const pod = (name: string, priority = 0): KubeObject => ({
  metadata: { name, namespace: 'default' },
  spec: { priority },
});

describe('scheduling queue', () => {
  it('hands out higher priority first, then first come first served', async () => {
    let clock = 0;
    const queue = new SchedulingQueue(() => clock++);
    for (const [name, priority] of [
      ['low', 0],
      ['high', 1000],
      ['low-later', 0],
      ['mid', 10],
    ] as const)
      queue.add(pod(name, priority));
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await queue.pop())?.metadata.name ?? '');
    assert.deepEqual(order, ['high', 'mid', 'low', 'low-later']);
  });

  it('keeps an unschedulable pod parked until the cluster changes', () => {
    const queue = new SchedulingQueue(() => 0);
    queue.markUnschedulable(pod('stuck'));
    assert.equal(queue.pendingCount, 1);
    queue.moveAllToActive();
    assert.equal(queue.pendingCount, 0, 'moved into a backoff timer, not active yet');
    queue.close();
  });

  it('forgets a deleted pod', async () => {
    const queue = new SchedulingQueue();
    queue.add(pod('gone'));
    queue.delete(pod('gone'));
    queue.add(pod('kept'));
    assert.equal((await queue.pop())?.metadata.name, 'kept');
  });
});
