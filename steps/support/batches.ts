// Batches in the audit log: which creates the ReplicaSet controller sent together, and which only
// once the earlier ones were answered.
//
// Slow start is visible from outside: the controller sends 1 create and records its event, then
// 2 creates at once, then 4, ... Requests sent together do not always reach the API server
// together (a new connection, a busy machine), so a batch is not read from gaps in time. What
// slow start guarantees is causal: a batch's first create arrives only once every earlier create,
// and the event recorded for each, was answered. And a batch of 8 sent at once overlaps somewhere.

import { type AuditEvent, clientName } from '../../impl/client/audit-event.js';

/** Microseconds since the epoch of an audit timestamp, `2024-05-01T10:00:00.123456Z`. */
export function microsecondsOf(timestamp: string): number {
  const micros = /\.\d{3}(\d{3})Z$/.exec(timestamp)?.[1] ?? '000';
  return Date.parse(`${timestamp.slice(0, 23)}Z`) * 1000 + Number(micros);
}

const received = (event: AuditEvent) => microsecondsOf(event.requestReceivedTimestamp);
const answered = (event: AuditEvent) => microsecondsOf(event.stageTimestamp);
/**
 * How far apart two stamps must be to tell their order: the API server stamps a request answered
 * once it has written the response, so the client may already have sent its next request, and
 * the stamps' microseconds come from another clock than their milliseconds. Every request here
 * takes milliseconds, so a batch sent too early still shows by far more.
 */
const StampPrecisionMicros = 1000;

/** The requests in the order the API server received them. */
export function inReceivedOrder(requests: AuditEvent[]): AuditEvent[] {
  return [...requests].sort((a, b) => received(a) - received(b));
}

/**
 * What contradicts "`creates` came in batches of `sizes`, each sent once the one before was
 * answered": the creates, in received order, cut into groups of those sizes; before each group's
 * first create, every earlier create and event write must have been answered, with one event
 * write per create. With `isLastSentTogether`, the last group must also overlap: one of its
 * creates received before another was answered. No problem means an empty list.
 */
export function batchProblems(
  creates: AuditEvent[],
  eventWrites: AuditEvent[],
  sizes: number[],
  isLastSentTogether: boolean,
): string[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (creates.length !== total) return [`${creates.length} creates, not ${total}`];
  const ordered = inReceivedOrder(creates);
  const problems: string[] = [];
  let start = 0;
  for (const [index, size] of sizes.entries()) {
    const group = ordered.slice(start, start + size);
    const first = group[0] as AuditEvent;
    const earlierCreates = ordered.slice(0, start);
    const earlierEvents = eventWrites.filter((event) => received(event) < received(first));
    const unanswered = [...earlierCreates, ...earlierEvents].filter(
      (event) => answered(event) > received(first) + StampPrecisionMicros,
    );
    if (unanswered.length > 0 || earlierEvents.length < earlierCreates.length)
      problems.push(
        `batch ${index + 1} started before the ${earlierCreates.length} earlier creates and their events were answered`,
      );
    if (isLastSentTogether && index === sizes.length - 1 && !overlaps(group))
      problems.push(`the ${size} creates of batch ${index + 1} were sent one after the other`);
    start += size;
  }
  return problems;
}

/** Whether one of the requests was received before an earlier one was answered. */
function overlaps(requests: AuditEvent[]): boolean {
  return requests.some((request, index) =>
    requests.slice(0, index).some((earlier) => answered(earlier) > received(request)),
  );
}

/** Requests by the controller manager in the namespace since `since` (µs), on `resource` with one of `verbs`. */
export function controllerRequests(
  events: AuditEvent[],
  namespace: string,
  resource: string,
  verbs: string[],
  since = 0,
): AuditEvent[] {
  return events.filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      clientName(event.userAgent) === 'kube-controller-manager' &&
      verbs.includes(event.verb) &&
      event.objectRef?.resource === resource &&
      event.objectRef.namespace === namespace &&
      received(event) > since,
  );
}

/**
 * When the replica set (or its scale) was last written by someone other than the controller
 * manager (µs); 0 if never.
 */
export function lastChangeOf(events: AuditEvent[], namespace: string, name: string): number {
  const writes = events.filter(
    (event) =>
      event.stage === 'ResponseComplete' &&
      clientName(event.userAgent) !== 'kube-controller-manager' &&
      ['create', 'update', 'patch'].includes(event.verb) &&
      event.objectRef?.resource === 'replicasets' &&
      event.objectRef.namespace === namespace &&
      event.objectRef.name === name &&
      event.objectRef.subresource !== 'status',
  );
  return Math.max(0, ...writes.map(received));
}

/** `create pods 201 +0.0-2.5ms, create events 201 +3.1-4.0ms, ...`: the requests as a reader compares them. */
export function describeRequests(requests: AuditEvent[]): string {
  const ordered = inReceivedOrder(requests);
  const origin = ordered[0] ? received(ordered[0]) : 0;
  const ms = (micros: number) => ((micros - origin) / 1000).toFixed(1);
  return ordered
    .map(
      (event) =>
        `${event.verb} ${event.objectRef?.resource} ${event.responseStatus?.code} ` +
        `+${ms(received(event))}-${ms(answered(event))}ms`,
    )
    .join('\n');
}
