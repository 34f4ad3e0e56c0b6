// The kubelet's own API, on port 10250: what a person or the API server asks a node directly.
//
// "The kubelet serves /healthz, and /pods: the pods it runs, as it sees them." /pods lists
// every pod the kubelet runs, static pods included, with the uids the kubelet knows them by
// (a static pod's, not its mirror's). /containerLogs/{namespace}/{pod}/{container} is the door
// through which the API server reaches a node for `kubectl logs` (logs/container-logs.ts);
// /exec/{namespace}/{pod}/{container}, a WebSocket, the one for `kubectl exec` (exec/exec-stream.ts).
// kubelab simplifies: plain HTTP, no authentication. Real Kubernetes: pkg/kubelet/server
// (server.go: InstallDefaultHandlers), HTTPS with client certificates and webhook authorization.
import { createServer, type Server } from 'node:http';
import type { Logger } from '../client/logger.js';
import type { KubeObject } from '../client/types.js';
import { WebSocketServer } from 'ws';
import type { Attachment } from './cri/runtime-service.js';
import { runAttach } from './exec/attach-stream.js';
import { StreamProtocols } from './exec/channels.js';
import { runExec } from './exec/exec-stream.js';
import { type LogSource, serveContainerLogs } from './logs/container-logs.js';

/** What `kubectl exec` and `attach` need of the kubelet, for a running container. */
export interface StreamTargets {
  /** The network namespace of its pod, where an exec runs. */
  execNetns(namespace: string, pod: string, container: string): string | undefined;
  /** Its streams, from the runtime. */
  attach(
    namespace: string,
    pod: string,
    container: string,
    output: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
  ): Attachment | undefined;
}

export const KubeletPort = 10250;

export function startKubeletServer(
  pods: () => KubeObject[],
  logs: LogSource,
  streams: StreamTargets,
  logger: Logger,
  port = KubeletPort,
): Server {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://kubelet');
    const path = url.pathname;
    if (request.method === 'GET' && path === '/healthz') {
      response.end('ok');
      return;
    }
    if (request.method === 'GET' && path === '/pods') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: pods() }));
      return;
    }
    const segments = path
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
    if (request.method === 'GET' && segments[0] === 'containerLogs' && segments.length === 4) {
      // Who asked: the API server, for `kubectl logs` (no one else is meant to).
      logger.info('serving a container log', { path, query: url.search, from: request.socket.remoteAddress });
      void serveContainerLogs(logs, segments.slice(1), url.searchParams, request, response);
      return;
    }
    response.statusCode = 404;
    response.end('404 page not found\n');
  });
  // kubectl exec and attach: a WebSocket, which the API server passes through from kubectl.
  const sockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => StreamProtocols.find((protocol) => offered.has(protocol)) ?? false,
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://kubelet');
    const [kind = '', namespace = '', pod = '', container = ''] = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
    logger.info(`serving an ${kind}`, { path: url.pathname, query: url.search, from: request.socket.remoteAddress });
    const notFound = (body: string) =>
      socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    if (kind !== 'exec' && kind !== 'attach') return notFound('404 page not found');
    // As the kubelet's GetExec and GetAttach say of a container that does not run.
    const netns = streams.execNetns(namespace, pod, container);
    if (netns === undefined) return notFound(`container not found ("${container}")`);
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      if (kind === 'exec') {
        const command = url.searchParams.getAll('command');
        runExec(webSocket, { netns, command, stdin: url.searchParams.get('input') === '1' });
        return;
      }
      runAttach(webSocket, (output) => streams.attach(namespace, pod, container, output));
    });
  });
  server.listen(port);
  return server;
}
