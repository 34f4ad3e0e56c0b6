// Counting what each component asked the API server, from the audit log: the cost of a loop in
// requests, the figure that decides how far a control plane scales before it is rate-limited.
//
// Every request the API server answers is one audit event (stage ResponseComplete) with the
// client's user agent. kubelab's clients carry Kubernetes' agent names (kube-controller-manager,
// kube-scheduler) or kubelab's (kubelab-node-agent, standing in for the kubelets).

import { type AuditEvent, clientName } from '../impl/client/audit-event.js';

export interface RequestCensus {
  total: number;
  /** "create pods", "update replicasets/status", ... with their counts, largest first. */
  byKind: Array<[string, number]>;
}

/** Requests `client` made that were received between `from` and `to` (ISO times). */
export function censusOf(events: readonly AuditEvent[], client: string, from: string, to: string): RequestCensus {
  const counts = new Map<string, number>();
  let total = 0;
  for (const event of events) {
    if (event.stage !== 'ResponseComplete' || clientName(event.userAgent) !== client) continue;
    if (event.requestReceivedTimestamp < from || event.requestReceivedTimestamp > to) continue;
    const subresource = event.objectRef?.subresource ? `/${event.objectRef.subresource}` : '';
    const resource = `${event.objectRef?.resource ?? event.requestURI}${subresource}`;
    const kind = `${event.verb} ${resource}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    total++;
  }
  return { total, byKind: [...counts.entries()].sort((a, b) => b[1] - a[1]) };
}

/** `3.02 per pod (create pods 1.00, create events 1.00, ...)`. */
export function formatPerPod(census: RequestCensus, pods: number, shown = 5): string {
  const parts = census.byKind.slice(0, shown).map(([kind, count]) => `${kind} ${(count / pods).toFixed(2)}`);
  const more = census.byKind.length > shown ? ', ...' : '';
  return `${(census.total / pods).toFixed(2)} per pod (${parts.join(', ')}${more})`;
}
