// The kubelet's own API, on port 10250: what a person or the API server asks a node directly.
//
// "The kubelet serves /healthz, and /pods: the pods it runs, as it sees them." /pods lists
// every pod the kubelet runs, static pods included, with the uids the kubelet knows them by
// (a static pod's, not its mirror's). It is the door through which the API server will reach
// a node for `kubectl logs`, `exec` and `attach`.
// kubelab simplifies: plain HTTP, no authentication. Real Kubernetes: pkg/kubelet/server
// (server.go: InstallDefaultHandlers), HTTPS with client certificates and webhook authorization.
import { createServer, type Server } from 'node:http';
import type { KubeObject } from '../client/types.js';

export const KubeletPort = 10250;

export function startKubeletServer(pods: () => KubeObject[], port = KubeletPort): Server {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://kubelet').pathname;
    if (request.method === 'GET' && path === '/healthz') {
      response.end('ok');
      return;
    }
    if (request.method === 'GET' && path === '/pods') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: pods() }));
      return;
    }
    response.statusCode = 404;
    response.end('404 page not found\n');
  });
  server.listen(port);
  return server;
}
