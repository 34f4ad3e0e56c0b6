// Reading the API server's audit log, the door that shows the mechanism behind an outcome:
// which client asked, what the API server did to etcd, which watchers it told.

import { readFile } from 'node:fs/promises';
import type { AuditEvent } from '../../impl/apiserver/audit.js';

export async function readAuditLog(path: string): Promise<AuditEvent[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEvent);
}

/** The events about one object, in the order the API server logged them. */
export function eventsAbout(events: AuditEvent[], namespace: string, name: string): AuditEvent[] {
  return events.filter((event) => event.objectRef?.namespace === namespace && event.objectRef.name === name);
}

/** kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07 → kubectl */
export function clientName(userAgent: string): string {
  return userAgent.split(/[/ ]/)[0] || 'unknown client';
}
