// The image `kubelab/readiness-toggle`: an HTTP server whose readiness can be switched off.
//
// GET /ready answers 200 while ready and 503 after GET /fail-readiness (until GET /recover);
// GET /healthz always answers 200. A readiness probe on /ready then shows a pod that runs but
// is not Ready, and is not restarted for it. Listens on PORT or 8080.
// Real Kubernetes: agnhost's `netexec` serves similar switches for e2e tests.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
let ready = true;

const server = createServer((request, response) => {
  if (request.url === '/fail-readiness') ready = false;
  if (request.url === '/recover') ready = true;
  const healthy = request.url !== '/ready' || ready;
  response.statusCode = healthy ? 200 : 503;
  response.end(healthy ? 'ok\n' : 'not ready\n');
});
server.listen(port, () => console.log(`readiness-toggle: listening on :${port}`));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
