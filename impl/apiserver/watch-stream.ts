// The watch endpoint: one long HTTP response, one JSON event per line.
//
// "A watch is a list that never ends." Without a resourceVersion the stream starts with an
// ADDED event for every object that exists, then goes on with changes; with one, it starts
// right after that version, so a client that lost its connection resumes without missing or
// repeating anything. With a selector, an object that stops matching is sent as DELETED and
// one that starts matching as ADDED. When history is gone, the stream carries one ERROR event
// with a 410 Expired Status and ends: the client must list again.
//
// Real Kubernetes: apiserver/pkg/endpoints/handlers/watch.go (serveWatchHandler) and
// apiserver/pkg/storage/etcd3/watcher.go; kubelab has no watch cache in between.

import type { JsonObject, KubeObject, WatchEvent, WatchEventType } from '../client/types.js';
import { internalError, StatusError } from './errors.js';
import { parseResourceVersion, withTypeMeta, type ResourceRequest } from './handlers.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { toTable, wantsTable } from './table.js';

// #region serve-watch
export async function serveWatch({
  info,
  request,
  url,
  registry,
  response,
  http,
  audit,
}: ResourceRequest): Promise<void> {
  const query = url.searchParams;
  const labels = parseLabelSelector(query.get('labelSelector') ?? '');
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '', info.resource);
  const requested = parseResourceVersion(query.get('resourceVersion'));
  const isTable = wantsTable(http.headers.accept);
  const matches = (object: KubeObject | undefined) =>
    object !== undefined && matchesLabels(labels, object.metadata.labels) && matchesFields(fields, object);

  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache',
  });
  response.flushHeaders();
  let isFirst = true;
  const recordEvent = audit.watchEventRecorder(request, http.url ?? '', http.headers['user-agent'] ?? '');
  const send = (type: WatchEventType, object: KubeObject | JsonObject) => {
    if (type !== 'ERROR') {
      const { name, namespace, resourceVersion } = (object as KubeObject).metadata;
      recordEvent(
        { resource: info.resource, namespace, name, apiVersion: info.version, apiGroup: info.group || undefined },
        type,
        resourceVersion,
      );
    }
    const payload =
      isTable && type !== 'ERROR'
        ? toTable(info.kind, [withTypeMeta(info, object as KubeObject)], undefined, new Date(), isFirst)
        : object;
    isFirst = false;
    const event: WatchEvent<unknown> = { type, object: payload };
    response.write(`${JSON.stringify(event)}\n`);
  };
  const fail = (error: StatusError) => {
    send('ERROR', error.status as unknown as JsonObject);
    response.end();
  };

  try {
    let fromRevision = requested;
    if (fromRevision === undefined) {
      // No resourceVersion: start with the current state, as synthetic ADDED events.
      const snapshot = await registry.list(info, request.namespace, {});
      for (const item of snapshot.items) if (matches(item)) send('ADDED', withTypeMeta(info, item));
      fromRevision = snapshot.revision;
    }
    const watch = await registry.watch(info, request.namespace, fromRevision, {
      onEvent: (type, object, previous) => {
        const now = matches(object);
        const before = type === 'MODIFIED' ? matches(previous) : now;
        if (type === 'MODIFIED' && before !== now) send(now ? 'ADDED' : 'DELETED', withTypeMeta(info, object));
        else if (now) send(type, withTypeMeta(info, object));
      },
      onError: fail,
    });
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 0);
    const timer = timeoutSeconds > 0 ? setTimeout(() => response.end(), timeoutSeconds * 1000) : undefined;
    const close = () => {
      if (timer) clearTimeout(timer);
      void watch.stop();
    };
    response.on('close', close);
    http.on('close', close);
  } catch (error) {
    fail(error instanceof StatusError ? error : internalError(error));
  }
}
// #endregion serve-watch
