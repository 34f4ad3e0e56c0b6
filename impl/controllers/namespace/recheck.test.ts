import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContentRemainingRecheckMs, recheckAfterMs } from './recheck.js';

describe('recheckAfterMs', () => {
  it('looks every second while the estimate lasts', () => {
    assert.equal(recheckAfterMs(0, 15), ContentRemainingRecheckMs);
    assert.equal(recheckAfterMs(14_999, 15), ContentRemainingRecheckMs);
  });
  it("then waits Kubernetes' estimate/2 + 1 seconds, however long the namespace has waited", () => {
    assert.equal(recheckAfterMs(15_000, 15), 8_000);
    assert.equal(recheckAfterMs(3_600_000, 15), 8_000);
    assert.equal(recheckAfterMs(60_000, 30), 16_000);
  });
  it('looks again after a second when nothing gives an estimate', () => {
    assert.equal(recheckAfterMs(5_000, 0), 1_000);
  });
});
