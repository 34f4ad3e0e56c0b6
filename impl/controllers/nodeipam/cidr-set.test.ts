import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CidrSet, NoCidrsRemaining, parseCidr } from './cidr-set.js';

test('ranges are handed out in order from the start of the cluster CIDR', () => {
  const set = new CidrSet('10.244.0.0/16', 24);
  assert.equal(set.size, 256);
  assert.deepEqual([set.allocateNext(), set.allocateNext()], ['10.244.0.0/24', '10.244.1.0/24']);
});

test('a range already taken is skipped, and a released one comes back only after a full round', () => {
  const set = new CidrSet('10.0.0.0/22', 24);
  assert.ok(set.occupy('10.0.1.0/24'));
  assert.equal(set.allocateNext(), '10.0.0.0/24');
  assert.equal(set.allocateNext(), '10.0.2.0/24');
  set.release('10.0.0.0/24');
  assert.equal(set.allocateNext(), '10.0.3.0/24');
  assert.equal(set.allocateNext(), '10.0.0.0/24');
  assert.throws(() => set.allocateNext(), { message: NoCidrsRemaining });
});

test('a range that is not one of the set is not occupied', () => {
  const set = new CidrSet('10.244.0.0/16', 24);
  assert.equal(set.occupy('10.245.0.0/24'), false);
  assert.equal(set.occupy('10.244.0.0/25'), false);
  assert.equal(set.occupy('10.244.255.0/24'), true);
});

test('CIDRs are parsed strictly and masked', () => {
  assert.deepEqual(parseCidr('10.244.3.7/24'), [0x0af40300, 24]);
  assert.throws(() => parseCidr('10.244.300.0/24'));
  assert.throws(() => parseCidr('10.244.0.0'));
  assert.throws(() => new CidrSet('10.244.0.0/16', 8));
});
