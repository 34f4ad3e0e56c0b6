// The audit event: one line of the API server's audit log, as the server writes it and as
// scenarios, benchmarks and the lessons' traces read it.
//
// "Every request to the API server can be audited: the user, the verb, the object, the
// response." An event is audit.k8s.io/v1's Event at level Metadata, one JSON line per request
// once its response is complete, plus what kubelab adds: `etcd`, the etcd operations the request
// caused, and a `WatchEvent` line for each event a watch delivers. The type is declared here,
// in the client library, because every reader may import the client and none may import the
// API server (impl/apiserver/audit.ts writes the log).
//
// Real Kubernetes: k8s.io/apiserver/pkg/apis/audit/v1/types.go (Event, ObjectReference).

export interface ObjectReference {
  resource?: string;
  namespace?: string;
  name?: string;
  apiGroup?: string;
  apiVersion?: string;
  subresource?: string;
}

/** One etcd request the API server made, as the audit log shows it (impl/store/etcd-tap.ts takes it). */
export interface EtcdOperation {
  op: 'range' | 'txn' | 'put' | 'delete' | 'watch';
  key: string;
  isPrefix?: boolean;
  /** The end of a range that is not a prefix (exclusive; "\u0000" means every key from `key` on). */
  rangeEnd?: string;
  /** The transaction's guard, e.g. `mod_revision == 0`. */
  compare?: string;
  /** What the transaction does when its compare holds. */
  write?: 'put' | 'delete';
  succeeded?: boolean;
  /** The etcd revision the operation read at or wrote; for a watch, the first one it sends. */
  revision?: number;
  /** Keys a range returned, or a delete removed. */
  count?: number;
  /** What etcd answered instead, when the call failed (e.g. a read below the compacted revision). */
  error?: string;
}

export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: 'Metadata';
  auditID: string;
  stage: 'ResponseComplete' | 'WatchEvent';
  requestURI: string;
  verb: string;
  user: { username: string };
  userAgent: string;
  /** The client's address as the API server saw it: which replica of a component asked. */
  sourceIPs: string[];
  objectRef?: ObjectReference;
  responseStatus?: { code: number; reason?: string; message?: string; metadata: object };
  requestReceivedTimestamp: string;
  stageTimestamp: string;
  etcd?: EtcdOperation[];
  watchEvent?: { type: string; resourceVersion?: string };
}

/** The events of an audit log's text, one JSON line each, in the order they were written. */
export function parseAuditLog(text: string): AuditEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEvent);
}

/** The client a user agent names: `kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07` → `kubectl`; '' for none. */
export function clientName(userAgent: string | undefined): string {
  return (userAgent ?? '').split(/[/ ]/)[0] ?? '';
}
