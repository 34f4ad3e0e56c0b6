// The audit log: who called what, what it did to etcd, and what they got back.
//
// "Every request to the API server can be audited: the user, the verb, the object, the
// response." kube-apiserver writes audit.k8s.io/v1 Events as JSON lines; kubelab does too, one
// line per request when its response is complete, and adds two things a learner wants to see
// and real audit events do not carry: `etcd`, the etcd operations the request caused (keys,
// compares, revisions), and a `WatchEvent` line for each event a watch delivers. Scenarios read
// the log to check the mechanism, not only the end state; lessons draw it as a sequence diagram.
// The event's type is impl/client/audit-event.ts, where its readers find it too.
//
// kubelab audits every request at level Metadata, without a policy file. Real Kubernetes:
// apiserver/pkg/audit (types in apiserver/pkg/apis/audit/v1), --audit-log-path.

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { AuditEvent, EtcdOperation, ObjectReference } from '../client/audit-event.js';
import type { RequestInfo } from './request-info.js';

interface RequestScope {
  auditID: string;
  received: string;
  sourceIPs: string[];
  operations: EtcdOperation[];
  /** A create names its object in the body, not in the URL. */
  objectName?: string;
}

export class AuditLog {
  private readonly scope = new AsyncLocalStorage<RequestScope>();
  private readonly stream?: WriteStream;

  /** Without a path the log is off: nothing is recorded, nothing costs anything. */
  constructor(path: string | undefined) {
    if (path) this.stream = createWriteStream(path, { flags: 'a' });
  }

  get isEnabled(): boolean {
    return this.stream !== undefined;
  }

  /** Runs one request's handling, from `sourceIP`, with a scope that collects its etcd operations. */
  run<T>(sourceIP: string | undefined, handle: () => Promise<T>): Promise<T> {
    if (!this.stream) return handle();
    return this.scope.run(
      { auditID: randomUUID(), received: microTime(), sourceIPs: sourceIP ? [sourceIP] : [], operations: [] },
      handle,
    );
  }

  /** Called by the etcd tap for every etcd operation; kept if a request is being handled. */
  recordEtcd(operation: EtcdOperation): void {
    this.scope.getStore()?.operations.push(operation);
  }

  /** Records the name of the object a create made, which its URL does not carry. */
  nameObject(name: string | undefined): void {
    const scope = this.scope.getStore();
    if (scope) scope.objectName = name;
  }

  // #region audit-complete
  complete(
    info: RequestInfo,
    uri: string,
    userAgent: string,
    code: number,
    failure?: { reason?: string; message?: string },
  ): void {
    const scope = this.scope.getStore();
    if (!this.stream || !scope) return;
    const event: AuditEvent = {
      ...this.base(
        scope.auditID,
        'ResponseComplete',
        { ...info, name: info.name ?? scope.objectName },
        uri,
        userAgent,
        scope,
      ),
      responseStatus: { metadata: {}, code, ...failure },
      etcd: scope.operations,
    };
    this.stream.write(`${JSON.stringify(event)}\n`);
  }
  // #endregion audit-complete

  /**
   * For a watch: returns the function that logs one line per event the watch sends, so a trace
   * shows who was told what, and when. Taken while the request's scope is current, because the
   * events arrive later, from etcd's callbacks.
   */
  watchEventRecorder(
    info: RequestInfo,
    uri: string,
    userAgent: string,
  ): (object: ObjectReference, type: string, resourceVersion?: string) => void {
    const scope = this.scope.getStore();
    const stream = this.stream;
    if (!stream || !scope) return () => {};
    return (object, type, resourceVersion) => {
      const event: AuditEvent = {
        ...this.base(scope.auditID, 'WatchEvent', info, uri, userAgent, scope),
        objectRef: object,
        watchEvent: { type, resourceVersion },
      };
      stream.write(`${JSON.stringify(event)}\n`);
    };
  }

  /** Resolves once every line written so far is in the file. */
  close(): Promise<void> {
    const stream = this.stream;
    return stream ? new Promise((resolve) => stream.end(resolve)) : Promise.resolve();
  }

  private base(
    auditID: string,
    stage: AuditEvent['stage'],
    info: RequestInfo,
    uri: string,
    userAgent: string,
    scope: RequestScope,
  ): AuditEvent {
    const objectRef: ObjectReference | undefined = info.isResourceRequest
      ? {
          resource: info.resource,
          namespace: info.namespace,
          name: info.name,
          apiGroup: info.apiGroup || undefined,
          apiVersion: info.apiVersion,
          subresource: info.subresource,
        }
      : undefined;
    return {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID,
      stage,
      requestURI: uri,
      verb: info.verb,
      user: { username: 'system:anonymous' },
      userAgent,
      sourceIPs: scope.sourceIPs,
      objectRef,
      requestReceivedTimestamp: scope.received,
      stageTimestamp: microTime(),
    };
  }
}

/** Audit timestamps carry microseconds: 2024-05-01T10:00:00.123456Z. */
function microTime(): string {
  const now = new Date();
  const micros = String(Math.floor((performance.timeOrigin * 1000 + performance.now() * 1000) % 1000)).padStart(3, '0');
  return `${now.toISOString().slice(0, 23)}${micros}Z`;
}
