import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from '../../impl/client/audit-event.js';
import { batchProblems, microsecondsOf } from './batches.js';

/** A request received at `from` and answered at `to`, in microseconds after 10:00:00. */
function request(resource: string, from: number, to: number): AuditEvent {
  const at = (micros: number) => {
    const date = new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + Math.floor(micros / 1000));
    return `${date.toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
  };
  return { objectRef: { resource }, requestReceivedTimestamp: at(from), stageTimestamp: at(to) } as AuditEvent;
}
const create = (from: number, to: number) => request('pods', from, to);
const event = (from: number, to: number) => request('events', from, to);

describe('batches of creates', () => {
  it('reads the microseconds of an audit timestamp', () => {
    const origin = microsecondsOf('2024-05-01T10:00:00.000000Z');
    assert.equal(microsecondsOf('2024-05-01T10:00:01.002003Z') - origin, 1_002_003);
  });

  it('accepts batches whose creates arrive late, once the batch before and its events were answered', () => {
    const creates = [create(0, 100), create(300, 400), create(800, 900), create(1200, 1300), create(1250, 1400)];
    const events = [event(150, 200), event(450, 500), event(950, 1000)];
    assert.deepEqual(batchProblems(creates, events, [1, 2, 2], true), []);
  });

  it('reads stamps less than a millisecond apart as one moment, not as an order', () => {
    // As seen: the 7th event answered 0.1 ms after batch 4's first create was received.
    const creates = [create(0, 2700), create(7000, 9900), create(44_400, 52_500)];
    const events = [event(4000, 6100), event(40_800, 44_500)];
    assert.deepEqual(batchProblems(creates, events, [1, 1, 1], false), []);
  });

  it('finds a batch sent before the events of the one before were answered', () => {
    const creates = [create(0, 2000), create(2500, 5000), create(2600, 5100)];
    const events = [event(2100, 4000), event(5200, 7000), event(5300, 7100)];
    assert.deepEqual(batchProblems(creates, events, [1, 2], false), [
      'batch 2 started before the 1 earlier creates and their events were answered',
    ]);
  });

  it('finds a last batch sent one create after the other', () => {
    const creates = [create(0, 100), create(300, 400), create(600, 700)];
    const events = [event(150, 200), event(450, 500), event(750, 800)];
    assert.deepEqual(batchProblems(creates, events, [1, 2], true), [
      'the 2 creates of batch 2 were sent one after the other',
    ]);
  });

  it('counts the creates', () => {
    assert.deepEqual(batchProblems([create(0, 100)], [], [1, 2], false), ['1 creates, not 3']);
  });
});
