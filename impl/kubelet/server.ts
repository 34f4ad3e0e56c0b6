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
import { ExecProtocols, runExec } from './exec/exec-stream.js';
import { type LogSource, serveContainerLogs } from './logs/container-logs.js';

/** What `kubectl exec` needs of the kubelet: the network namespace of a running container's pod. */
export type ExecTarget = (namespace: string, pod: string, container: string) => string | undefined;

export const KubeletPort = 10250;

export function startKubeletServer(
  pods: () => KubeObject[],
  logs: LogSource,
  exec: ExecTarget,
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
  // kubectl exec: a WebSocket, which the API server passes through from kubectl.
  const sockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => ExecProtocols.find((protocol) => offered.has(protocol)) ?? false,
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://kubelet');
    const [kind, namespace = '', pod = '', container = ''] = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
    const netns = kind === 'exec' ? exec(namespace, pod, container) : undefined;
    logger.info('serving an exec', { path: url.pathname, query: url.search, from: request.socket.remoteAddress });
    if (netns === undefined) {
      const body = kind === 'exec' ? `container not found ("${container}")` : '404 page not found';
      socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      return;
    }
    const command = url.searchParams.getAll('command');
    const stdin = url.searchParams.get('input') === '1';
    sockets.handleUpgrade(request, socket, head, (webSocket) => runExec(webSocket, { netns, command, stdin }));
  });
  server.listen(port);
  return server;
}
