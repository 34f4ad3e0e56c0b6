// The API server's HTTP front: every request comes in here and leaves as JSON.
//
// "The API server is the only door to the cluster's state." Non-resource paths answer
// discovery, version and health; resource paths are parsed into a RequestInfo, matched against
// the resource table, and handed to a verb handler. Any error thrown on the way becomes a
// Kubernetes Status, so a client never sees a stack trace and the server never dies of bad input.
//
// kubelab serves plain HTTP with no authentication yet (the request-pipeline lesson adds it).
// Real Kubernetes: apiserver/pkg/server/handler.go (APIServerHandler, the director between
// the gorestful container and the non-gorestful mux) and config.go (DefaultBuildHandlerChain).

import { createServer, type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../client/logger.js';
import type { AuditLog } from './audit.js';
import type { GracefulShutdown } from './graceful-shutdown.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import { internalError, resourceNotFound, StatusError } from './errors.js';
import { handleResource } from './handlers.js';
import { proxyUpgrade, streamLocation } from './pod-exec.js';
import { serveOpenApi } from './openapi.js';
import { writeJson, writeStatusError } from './http-io.js';
import type { Registry } from './registry.js';
import { parseRequestInfo, type RequestInfo } from './request-info.js';
import { findResource } from './resources.js';
import { serveWatch } from './watch-stream.js';

export interface ApiServerOptions {
  registry: Registry;
  logger: Logger;
  /** Answers /readyz: is storage reachable? */
  isReady: () => Promise<boolean>;
  /** Log every request (true), or only the writes and the failures (false). */
  isLoggingEveryRequest: boolean;
  audit: AuditLog;
  /** Counts the requests in flight, so a stop answers them all before it exits. */
  shutdown: GracefulShutdown;
}

export function createApiServer(options: ApiServerOptions): Server {
  const server = createServer((request, response) => {
    void serve(options, request, response);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void serveUpgrade(options, request, socket, head);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** A request to upgrade the connection: `kubectl exec`'s or `attach`'s WebSocket, passed on to a kubelet. */
async function serveUpgrade(options: ApiServerOptions, request: IncomingMessage, socket: Duplex, head: Buffer) {
  const url = new URL(request.url ?? '/', 'http://apiserver');
  const info = parseRequestInfo(request.method ?? 'GET', url);
  await options.audit.run(sourceAddress(request), async () => {
    let code = 101;
    let failure: { reason?: string; message?: string } | undefined;
    try {
      const isStream = info.subresource === 'exec' || info.subresource === 'attach';
      if (info.resource !== 'pods' || !isStream || info.name === undefined) throw resourceNotFound();
      code = await proxyUpgrade(request, socket, head, await streamLocation(options.registry, info, url.searchParams));
    } catch (error) {
      const status = error instanceof StatusError ? error : internalError(error);
      code = status.code;
      failure = { reason: status.reason, message: status.message };
      const body = JSON.stringify(status.status);
      const headers = [
        `HTTP/1.1 ${code} ${STATUS_CODES[code]}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
      ];
      socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
    }
    options.audit.complete(info, request.url ?? '', request.headers['user-agent'] ?? '', code, failure);
    options.logger.info('request', {
      verb: info.verb,
      path: info.path,
      code,
      userAgent: request.headers['user-agent'],
    });
  });
}

// #region serve
async function serve(options: ApiServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = new URL(request.url ?? '/', 'http://apiserver');
  const info = parseRequestInfo(request.method ?? 'GET', url);
  const userAgent = request.headers['user-agent'] ?? '';
  // Watches and followed logs last as long as the client wants: a stop ends them, not waits.
  const isLongRunning = info.verb === 'watch' || info.subresource === 'log';
  await options.shutdown.track(response, isLongRunning, () =>
    options.audit.run(sourceAddress(request), async () => {
      let failure: { reason?: string; message?: string } | undefined;
      try {
        if (info.isResourceRequest) await serveResource(options, info, url, request, response);
        else await serveNonResource(options, info, url, request, response);
      } catch (error) {
        const status = error instanceof StatusError ? error : internalError(error);
        if (!(error instanceof StatusError)) options.logger.error('request failed', { path: info.path, error });
        failure = { reason: status.reason, message: status.message };
        writeStatusError(response, status);
      }
      if (info.isResourceRequest)
        options.audit.complete(info, request.url ?? '', userAgent, response.statusCode, failure);
      logRequest(options, info, response, started, userAgent);
    }),
  );
}
// #endregion serve

/** The client's IP address, without the IPv4-mapped IPv6 prefix Node gives it on a dual-stack socket. */
function sourceAddress(request: IncomingMessage): string | undefined {
  return request.socket.remoteAddress?.replace(/^::ffff:/, '');
}

function logRequest(
  options: ApiServerOptions,
  info: RequestInfo,
  response: ServerResponse,
  started: number,
  userAgent: string,
): void {
  const isRead = info.verb === 'get' || info.verb === 'list' || !info.isResourceRequest;
  const isWorthLogging = options.isLoggingEveryRequest || !isRead || response.statusCode >= 500;
  if (info.verb === 'watch' || !isWorthLogging) return;
  const elapsed = (performance.now() - started).toFixed(1);
  const warnings = response.getHeader('Warning');
  options.logger.info('request', {
    verb: info.verb,
    path: info.path,
    code: response.statusCode,
    ms: elapsed,
    userAgent,
    ...(warnings ? { warnings } : {}),
  });
}

async function serveResource(
  options: ApiServerOptions,
  info: RequestInfo,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // /api/v1/namespaces/{name} addresses the namespace itself, not a resource inside it.
  if (info.namespace !== undefined && info.resource === undefined) throw resourceNotFound();
  const resource = findResource(info.apiGroup, info.apiVersion, info.resource ?? '');
  if (!resource) throw resourceNotFound();
  if (info.namespace !== undefined && !resource.namespaced) throw resourceNotFound();
  const context = {
    info: resource,
    request: info,
    url,
    http: request,
    response,
    registry: options.registry,
    audit: options.audit,
  };
  if (info.verb === 'watch') return serveWatch(context);
  return handleResource(context);
}

async function serveNonResource(
  options: ApiServerOptions,
  info: RequestInfo,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (serveOpenApi(url, request.headers.accept, response)) return;
  const path = info.path.replace(/\/+$/, '') || '/';
  const segments = path.split('/').filter((segment) => segment !== '');
  if (path === '/healthz' || path === '/livez') return writeText(response, 200, 'ok');
  if (path === '/readyz')
    return (await options.isReady()) ? writeText(response, 200, 'ok') : writeText(response, 500, 'etcd not ready');
  if (path === '/version') return writeJson(response, 200, versionInfo());
  if (path === '/api') return writeJson(response, 200, apiVersions('apiserver:6443'));
  if (path === '/apis') return writeJson(response, 200, apiGroupList());
  const document =
    segments[0] === 'api' && segments.length === 2
      ? apiResourceList('', segments[1] ?? '')
      : segments[0] === 'apis' && segments.length === 2
        ? apiGroup(segments[1] ?? '')
        : segments[0] === 'apis' && segments.length === 3
          ? apiResourceList(segments[1] ?? '', segments[2] ?? '')
          : undefined;
  if (document) return writeJson(response, 200, document);
  if (path === '/')
    return writeJson(response, 200, {
      paths: ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/openapi/v2', '/openapi/v3', '/readyz', '/version'],
    });
  throw resourceNotFound();
}

function writeText(response: ServerResponse, code: number, text: string): void {
  response.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
