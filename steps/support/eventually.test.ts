import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually, SettledFailure } from './eventually.js';

describe('eventually', () => {
  it('tries until the check holds', async () => {
    let tries = 0;
    const result = await eventually(
      () => {
        tries += 1;
        assert.ok(tries >= 3, 'not yet');
        return tries;
      },
      { timeoutMs: 5_000, intervalMs: 1 },
    );
    assert.equal(result, 3);
  });

  it('ends at once on a settled failure, with its message', async () => {
    const started = Date.now();
    let tries = 0;
    const check = () => {
      tries += 1;
      throw new SettledFailure('saw 1s, 1s where 1s, 2s was wanted');
    };
    await assert.rejects(eventually(check, { timeoutMs: 5_000, intervalMs: 1 }), /saw 1s, 1s/);
    assert.equal(tries, 1);
    assert.ok(Date.now() - started < 1_000);
  });

  it('rethrows the last failure once the deadline passes', async () => {
    const fail = () => assert.fail('still wrong');
    await assert.rejects(eventually(fail, { timeoutMs: 30, intervalMs: 5 }), /still wrong/);
  });
});
