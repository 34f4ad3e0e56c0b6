// Traces: what one scenario made the cluster do, read from the API server's audit log.
//
// A scenario saves lessons/traces/<name>.json: audit.k8s.io/v1 Events, each request with the
// etcd operations it caused, and one WatchEvent per event a watch delivered. This file turns
// that into a sequence diagram: each client (named from its user agent) asks kube-apiserver,
// kube-apiserver asks etcd and gets its answer, the client gets the response, and watchers are
// told. Events are drawn in the order the file lists them; a watch whose whole request is in
// the trace opens where it was received and closes where it completed.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AuditEvent, clientName, type EtcdOperation } from '../../impl/client/audit-event.js';
import { LessonsDir } from './course.js';
import type { SequenceDiagram, SequenceStep } from './sequence-diagram.js';

export const TracesDir = path.join(LessonsDir, 'traces');
export const ApiServer = 'kube-apiserver';
export const Etcd = 'etcd';

/** An audit event as a trace keeps it: its stage and verb, and whatever else was recorded. */
export type TraceEvent = Pick<AuditEvent, 'stage' | 'verb'> &
  Partial<Omit<AuditEvent, 'stage' | 'verb' | 'responseStatus'>> & {
    responseStatus?: Omit<NonNullable<AuditEvent['responseStatus']>, 'metadata'>;
  };

export interface Trace {
  name: string;
  title: string;
  /** `<feature file>:<line>` of the scenario that recorded it. */
  scenario?: string;
  events: TraceEvent[];
}

const StatusTexts: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  422: 'Invalid',
  500: 'InternalError',
};

export function loadTrace(name: string): Trace {
  const file = path.join(TracesDir, `${name}.json`);
  const trace = JSON.parse(readFileSync(file, 'utf8')) as Partial<Trace>;
  if (typeof trace.title !== 'string' || !Array.isArray(trace.events)) {
    throw new Error(`loadTrace: lessons/traces/${name}.json needs a "title" and an "events" array`);
  }
  return { name, title: trace.title, scenario: trace.scenario, events: trace.events };
}

/** The trace as a sequence diagram: clients on the left, then kube-apiserver, then etcd. */
export function traceToSequence(trace: Trace): SequenceDiagram {
  const clients: string[] = [];
  const steps: SequenceStep[] = [];
  const watchCompletions = new Set(
    trace.events
      .filter((event) => event.stage !== 'WatchEvent' && event.verb === 'watch')
      .map((event) => event.auditID),
  );
  const openedWatches = new Set<string | undefined>();
  for (const event of trace.events) {
    const client = clientName(event.userAgent) || 'client';
    if (!clients.includes(client)) clients.push(client);
    if (event.stage === 'WatchEvent') {
      // A watch whose completion is in the trace is drawn opening before its first event.
      if (event.auditID !== undefined && watchCompletions.has(event.auditID) && !openedWatches.has(event.auditID)) {
        openedWatches.add(event.auditID);
        const completion = trace.events.find(
          (other) => other.auditID === event.auditID && other.stage !== 'WatchEvent',
        );
        if (completion) steps.push(...watchOpening(completion, client));
      }
      steps.push({ from: ApiServer, to: client, label: watchEventLabel(event), style: 'event' });
      continue;
    }
    if (event.verb === 'watch' && openedWatches.has(event.auditID)) {
      steps.push({ from: ApiServer, to: client, label: 'the watch ends', style: 'reply' });
      continue;
    }
    steps.push(...requestSteps(event, client));
  }
  return { title: trace.title, participants: [...clients, ApiServer, Etcd], steps };
}

function requestSteps(event: TraceEvent, client: string): SequenceStep[] {
  const code = event.responseStatus?.code ?? 0;
  const reason = event.responseStatus?.reason ?? StatusTexts[code] ?? '';
  return [
    { from: client, to: ApiServer, label: requestLabel(event) },
    ...etcdSteps(event.etcd ?? []),
    {
      from: ApiServer,
      to: client,
      label: `${code} ${reason}${event.verb === 'watch' ? ', then the stream ends' : ''}`.trim(),
      style: code >= 400 ? 'failure' : 'reply',
    },
  ];
}

function watchOpening(completion: TraceEvent, client: string): SequenceStep[] {
  return [
    { from: client, to: ApiServer, label: requestLabel(completion) },
    ...etcdSteps(completion.etcd ?? []),
    { from: ApiServer, to: client, label: '200 OK, then one event per change', style: 'reply' },
  ];
}

function etcdSteps(operations: EtcdOperation[]): SequenceStep[] {
  return operations.flatMap((operation): SequenceStep[] => {
    const request: SequenceStep = { from: ApiServer, to: Etcd, label: etcdLabel(operation) };
    if (operation.op === 'watch') return [request];
    const isFailure = operation.succeeded === false || operation.error !== undefined;
    return [
      request,
      { from: Etcd, to: ApiServer, label: etcdResult(operation), style: isFailure ? 'failure' : 'reply' },
    ];
  });
}

function requestLabel(event: TraceEvent): string {
  const ref = event.objectRef ?? {};
  const resource = [ref.resource, ref.subresource].filter(Boolean).join('/');
  const where = ref.name
    ? [ref.namespace, ref.name].filter(Boolean).join('/')
    : ref.namespace
      ? `in ${ref.namespace}`
      : '';
  return [event.verb, resource, where].filter(Boolean).join(' ');
}

function etcdLabel(operation: EtcdOperation): string | string[] {
  const key = operation.isPrefix ? `${operation.key} (prefix)` : operation.key;
  if (operation.op === 'txn') {
    const write = operation.write ?? 'put';
    return operation.compare ? [`txn if ${operation.compare}`, `then ${write} ${key}`] : `txn ${write} ${key}`;
  }
  if (operation.op === 'watch')
    return operation.revision !== undefined ? `watch ${key} from revision ${operation.revision}` : `watch ${key}`;
  return `${operation.op} ${key}`;
}

function etcdResult(operation: EtcdOperation): string {
  if (operation.error !== undefined) return operation.error;
  const at = operation.revision !== undefined ? `revision ${operation.revision}` : '';
  if (operation.op === 'txn') return operation.succeeded === false ? `compare failed (${at})` : `succeeded, ${at}`;
  if (operation.count !== undefined) return `${operation.count} key${operation.count === 1 ? '' : 's'} at ${at}`;
  return at || 'ok';
}

function watchEventLabel(event: TraceEvent): string {
  const type = event.watchEvent?.type ?? 'event';
  const name = event.objectRef?.name ?? '';
  const version = event.watchEvent?.resourceVersion;
  return [type, name, version !== undefined ? `resourceVersion ${version}` : ''].filter(Boolean).join(' ');
}
