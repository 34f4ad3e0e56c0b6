// The etcd tap: each request the API server sends to etcd, and the answer, for the audit log.
//
// "The API server is the only component that talks to etcd." To show what it says, kubelab
// listens where the etcd client meets the wire: a gRPC client interceptor sees each Range, Txn,
// Put and DeleteRange request on its way out and the response coming back (keys as bytes,
// revisions in the response header), and each watch the Watch stream creates. Nothing above it
// reports anything, so the log shows what was sent, whatever the store's code does.
//
// kubelab simplifies: a transaction is named by its first compare's key, and a watch opened in
// the same round trip as another is left out of its request's entry (see etcdTap). Real
// Kubernetes has no such tap: its audit events stop at the API server, and etcd's own request
// log (etcd --log-level=debug) is the closest counterpart.

import { AsyncResource } from 'node:async_hooks';
import { InterceptingCall, type Interceptor, type NextCall, status as GrpcStatus } from '@grpc/grpc-js';
import type { EtcdOperation } from '../client/audit-event.js';

/** The next interceptor's call, which each tap wraps. */
type NextInterceptingCall = ReturnType<NextCall>;

const KvService = '/etcdserverpb.KV/';
const WatchMethod = '/etcdserverpb.Watch/Watch';
/** etcd's CompareTarget, by number and by name, as the field of the key it compares. */
const CompareFields: Record<string, keyof Compare> = {
  0: 'version',
  VERSION: 'version',
  1: 'create_revision',
  CREATE: 'create_revision',
  2: 'mod_revision',
  MOD: 'mod_revision',
  3: 'value',
  VALUE: 'value',
  4: 'lease',
  LEASE: 'lease',
};
/** etcd's CompareResult, by number and by name. */
const CompareOperators: Record<string, string> = {
  0: '==',
  EQUAL: '==',
  1: '>',
  GREATER: '>',
  2: '<',
  LESS: '<',
  3: '!=',
  NOT_EQUAL: '!=',
};

/** Sees every operation; it runs inside the gRPC call's callbacks, so it must not throw. */
export type EtcdOperationReporter = (operation: EtcdOperation) => void;

// The messages as the etcd client hands them to gRPC (etcdserverpb, rpc.proto): keys are bytes
// or strings, 64-bit numbers are strings or numbers, enums are numbers or names.
type Bytes = Uint8Array | string;
type Int64 = string | number;

export interface Compare {
  key?: Bytes;
  target?: number | string;
  result?: number | string;
  version?: Int64;
  create_revision?: Int64;
  mod_revision?: Int64;
  value?: Bytes;
  lease?: Int64;
}

export interface KeyRange {
  key?: Bytes;
  range_end?: Bytes;
}

export interface RangeRequest extends KeyRange {
  revision?: Int64;
}

export interface RequestOp {
  request_range?: RangeRequest;
  request_put?: KeyRange;
  request_delete_range?: KeyRange;
}

export interface TxnRequest {
  compare?: Compare[];
  success?: RequestOp[];
  failure?: RequestOp[];
}

export interface WatchRequest {
  create_request?: KeyRange & { start_revision?: Int64 };
}

export interface KvResponse {
  header?: { revision?: Int64 };
  /** Range. */
  kvs?: unknown[];
  /** Txn. */
  succeeded?: boolean;
  /** DeleteRange. */
  deleted?: Int64;
}

/**
 * The interceptor to give the etcd client (`grpcOptions.interceptors`). A KV call is reported
 * when its response arrives, in the context of whoever made the call, so an AsyncLocalStorage
 * scope (the request being audited) is still current. A watch is reported when its create
 * request is written to the shared Watch stream, in the writer's context.
 */
export function etcdTap(report: EtcdOperationReporter): Interceptor {
  // The context the tap is made in, outside any request. The Watch stream is shared by every
  // watch, and the client writes one create request at a time: a watch opened while another's
  // create awaits its answer is written later, from that answer's callback. What etcd sends on
  // the stream is handed on in this context, so such a create is credited to no request rather
  // than to the wrong one; the wire does not say whose it is.
  const detached = new AsyncResource('EtcdTap');
  return (options, nextCall) => {
    const method = options.method_definition.path;
    if (method === WatchMethod) return tapWatchStream(nextCall(options), report, detached);
    if (!method.startsWith(KvService)) return new InterceptingCall(nextCall(options));
    return tapKvCall(method.slice(KvService.length), nextCall(options), AsyncResource.bind(report));
  };
}

function tapKvCall(method: string, call: NextInterceptingCall, report: EtcdOperationReporter): InterceptingCall {
  let request: unknown;
  let response: unknown;
  return new InterceptingCall(call, {
    start(metadata, _listener, next) {
      next(metadata, {
        onReceiveMessage(message, nextMessage) {
          response = message;
          nextMessage(message);
        },
        // Reported before the caller's callback runs: by the time the store's await returns,
        // the operation is in the request's audit entry.
        onReceiveStatus(status, nextStatus) {
          const operation =
            status.code === GrpcStatus.OK && response !== undefined
              ? kvOperation(method, request, response as KvResponse)
              : failedKvOperation(method, request, status.details);
          if (operation) report(operation);
          nextStatus(status);
        },
      });
    },
    sendMessage(message, next) {
      request = message;
      next(message);
    },
  });
}

function tapWatchStream(
  call: NextInterceptingCall,
  report: EtcdOperationReporter,
  detached: AsyncResource,
): InterceptingCall {
  return new InterceptingCall(call, {
    start(metadata, _listener, next) {
      next(metadata, {
        onReceiveMessage: (message, nextMessage) => detached.runInAsyncScope(nextMessage, undefined, message),
        onReceiveStatus: (status, nextStatus) => detached.runInAsyncScope(nextStatus, undefined, status),
      });
    },
    sendMessage(message, next) {
      const operation = watchOperation(message as WatchRequest);
      if (operation) report(operation);
      next(message);
    },
  });
}

/** A KV call's request and response as one operation; undefined for calls the log leaves out (Compact). */
export function kvOperation(method: string, request: unknown, response: KvResponse): EtcdOperation | undefined {
  const revision = toNumber(response.header?.revision);
  switch (method) {
    case 'Range': {
      const range = request as RangeRequest;
      // A read at an older revision (a list's resourceVersion, a page) happened at that one.
      const readAt = toNumber(range.revision) || revision;
      return definedFields({ op: 'range', ...keyOf(range), revision: readAt, count: response.kvs?.length ?? 0 });
    }
    case 'Txn':
      return txnOperation(request as TxnRequest, response.succeeded === true, revision);
    case 'Put':
      return definedFields({ op: 'put', ...keyOf(request as KeyRange), revision });
    case 'DeleteRange':
      return definedFields({
        op: 'delete',
        ...keyOf(request as KeyRange),
        revision,
        count: toNumber(response.deleted),
      });
    default:
      return undefined;
  }
}

/** A KV call etcd refused: what was asked, and etcd's reason instead of an answer. */
export function failedKvOperation(method: string, request: unknown, error: string): EtcdOperation | undefined {
  const asked = kvOperation(method, request, {});
  if (!asked) return undefined;
  const { op, key, isPrefix, rangeEnd, compare, write } = asked;
  // A read at a given revision names it, whether or not etcd still had it.
  const revision = op === 'range' ? asked.revision : undefined;
  return definedFields({ op, key, isPrefix, rangeEnd, compare, write, revision, error });
}

/** `if <compare> then <put|delete>`: named by the compared key, the guard, and the success branch's write. */
export function txnOperation(request: TxnRequest, succeeded: boolean, revision: number | undefined): EtcdOperation {
  const compares = request.compare ?? [];
  const firstWrite = request.success?.[0];
  const write = firstWrite?.request_put ? 'put' : firstWrite?.request_delete_range ? 'delete' : undefined;
  const written = firstWrite?.request_put ?? firstWrite?.request_delete_range ?? {};
  const key = compares[0]?.key !== undefined ? text(compares[0].key) : keyOf(written).key;
  const compare = compares.length > 0 ? compares.map(compareText).join(' && ') : undefined;
  return definedFields({ op: 'txn', key, compare, write, succeeded, revision });
}

/** A watch's create request; undefined for the stream's other messages (cancel, progress). */
export function watchOperation(request: WatchRequest): EtcdOperation | undefined {
  const create = request.create_request;
  if (!create) return undefined;
  // 0, or none, means "from now on".
  return definedFields({ op: 'watch', ...keyOf(create), revision: toNumber(create.start_revision) || undefined });
}

/** `mod_revision == 17`: etcd's Compare in the words `etcdctl txn` uses. */
export function compareText(compare: Compare): string {
  const field = CompareFields[String(compare.target ?? 0)] ?? 'version';
  const operator = CompareOperators[String(compare.result ?? 0)] ?? '==';
  const value = compare[field];
  const shown = value === undefined ? '0' : typeof value === 'object' ? `"${text(value)}"` : String(value);
  return `${field} ${operator} ${shown}`;
}

/**
 * The key a request names. A range whose end is its prefix's end (etcd's GetPrefixRangeEnd) is a
 * prefix read, named by that prefix: a list's later page starts inside the prefix, and is still a
 * read of that prefix.
 */
export function keyOf(range: KeyRange): Pick<EtcdOperation, 'key' | 'isPrefix' | 'rangeEnd'> {
  const key = bytes(range.key);
  const end = bytes(range.range_end);
  if (end.length === 0) return { key: key.toString('utf8') };
  const prefix = prefixOfRangeEnd(end);
  if (prefix && key.subarray(0, prefix.length).equals(prefix)) return { key: prefix.toString('utf8'), isPrefix: true };
  return { key: key.toString('utf8'), rangeEnd: end.toString('utf8') };
}

/** The inverse of GetPrefixRangeEnd: the end with its last byte decremented; "\0" (every key from here on) has none. */
function prefixOfRangeEnd(end: Buffer): Buffer | undefined {
  const last = end[end.length - 1];
  if (last === undefined || last === 0) return undefined;
  const prefix = Buffer.from(end);
  prefix[prefix.length - 1] = last - 1;
  return prefix;
}

function bytes(value: Bytes | undefined): Buffer {
  if (value === undefined) return Buffer.alloc(0);
  return typeof value === 'string'
    ? Buffer.from(value, 'utf8')
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function text(value: Bytes): string {
  return bytes(value).toString('utf8');
}

/** The object without its undefined fields, so that the log and deepEqual see only what was said. */
function definedFields(operation: EtcdOperation): EtcdOperation {
  return Object.fromEntries(Object.entries(operation).filter(([, value]) => value !== undefined)) as EtcdOperation;
}

function toNumber(value: Int64 | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
