import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlowStartInitialBatchSize, slowStartBatch } from './slow-start.js';

/** Records the size of each batch: the calls that were running together. */
function recorder(failOnCall?: number) {
  const batches: number[] = [];
  let running = 0;
  let calls = 0;
  const call = async () => {
    calls++;
    const thisCall = calls;
    if (running === 0) batches.push(0);
    running++;
    batches[batches.length - 1] = (batches.at(-1) ?? 0) + 1;
    await new Promise((resolve) => setImmediate(resolve));
    running--;
    if (thisCall === failOnCall) throw new Error(`call ${thisCall} failed`);
  };
  return { batches, call };
}

describe('slow start', () => {
  it('runs batches of 1, 2, 4, ... capped by what is left', async () => {
    const { batches, call } = recorder();
    assert.deepEqual(await slowStartBatch(10, SlowStartInitialBatchSize, call), { successes: 10 });
    assert.deepEqual(batches, [1, 2, 4, 3]);
  });

  it('stops after the batch in which a call failed, and counts the successes', async () => {
    const { batches, call } = recorder(2);
    const result = await slowStartBatch(10, SlowStartInitialBatchSize, call);
    assert.deepEqual(batches, [1, 2]);
    assert.equal(result.successes, 2);
    assert.match(String(result.error), /call 2 failed/);
  });

  it('makes no call when there is nothing to do', async () => {
    const { batches, call } = recorder();
    assert.deepEqual(await slowStartBatch(0, SlowStartInitialBatchSize, call), { successes: 0 });
    assert.deepEqual(batches, []);
  });
});
