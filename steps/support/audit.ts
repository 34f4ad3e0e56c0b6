// Reading the API server's audit log, the door that shows the mechanism behind an outcome:
// which client asked, what the API server did to etcd, which watchers it told.

import { readFile } from 'node:fs/promises';
import { type AuditEvent, clientName, parseAuditLog } from '../../impl/client/audit-event.js';

/** Every event logged so far; none while the log does not exist yet. */
export async function readAuditLog(path: string): Promise<AuditEvent[]> {
  return parseAuditLog(await readFile(path, 'utf8').catch(() => ''));
}

/** The events about one object, in the order the API server logged them. */
export function eventsAbout(events: AuditEvent[], namespace: string, name: string): AuditEvent[] {
  return events.filter((event) => event.objectRef?.namespace === namespace && event.objectRef.name === name);
}

/** A request sorts at the revision it wrote or read; a watch event just after the write it reports. */
export function causalRevision(event: AuditEvent): number {
  if (event.watchEvent) return Number(event.watchEvent.resourceVersion ?? 0) + 0.5;
  const write = event.etcd?.find((operation) => operation.op === 'txn' && operation.succeeded);
  return write?.revision ?? event.etcd?.[0]?.revision ?? 0;
}

/**
 * One reconcile of a replica set, as the audit log saw it: kubectl's write of the replica set,
 * then what the controller manager was told by its watches about the set and its pods, and what
 * it wrote, up to and including its first status write after its last pod create. In causal
 * order: each write, then what it caused.
 */
export function replicaSetReconcile(events: AuditEvent[], namespace: string, name: string): AuditEvent[] {
  const concerned = events.filter(
    (event) =>
      event.objectRef?.namespace === namespace &&
      (event.objectRef.resource === 'replicasets'
        ? event.objectRef.name === name
        : event.objectRef?.resource === 'pods' && event.objectRef.name?.startsWith(`${name}-`)),
  );
  const ordered = concerned.sort((a, b) => causalRevision(a) - causalRevision(b));
  const scale = ordered.findLastIndex(
    (event) =>
      event.stage === 'ResponseComplete' &&
      clientName(event.userAgent) === 'kubectl' &&
      event.objectRef?.resource === 'replicasets' &&
      event.verb !== 'get' &&
      event.verb !== 'list' &&
      event.verb !== 'watch',
  );
  if (scale < 0) return [];
  const isController = (event: AuditEvent) => clientName(event.userAgent) === 'kube-controller-manager';
  const after = ordered
    .slice(scale + 1)
    .filter(
      (event) =>
        isController(event) &&
        (event.stage === 'WatchEvent' || (event.verb !== 'get' && event.verb !== 'list' && event.verb !== 'watch')),
    );
  const lastCreate = after.findLastIndex((event) => event.stage === 'ResponseComplete' && event.verb === 'create');
  const status = after.findIndex(
    (event, index) =>
      index > lastCreate && event.stage === 'ResponseComplete' && event.objectRef?.subresource === 'status',
  );
  return [ordered[scale] as AuditEvent, ...after.slice(0, status < 0 ? after.length : status + 1)];
}
