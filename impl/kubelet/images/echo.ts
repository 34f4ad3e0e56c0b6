// The image `kubelab/echo`: an HTTP server that answers with the pod it runs in.
//
// "Every pod gets its own IP address; pods talk to each other without NAT." To see it, ask a
// pod who it is from another pod: this server answers `pod=<name> namespace=<ns> ip=<ip>`,
// read from the downward API's variables when the pod sets them (POD_NAME, POD_NAMESPACE,
// POD_IP), otherwise from its HOSTNAME (the pod's name) and its own eth0. It listens on the
// PORT variable or 8080, and stops at once on SIGTERM, as a well-behaved server does.
// Real Kubernetes: the agnhost image's `netexec` and `serve-hostname` play this part in e2e tests.
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';

const port = Number(process.env.PORT ?? 8080);
const ip = process.env.POD_IP ?? networkInterfaces().eth0?.find((address) => address.family === 'IPv4')?.address;
const who = `pod=${process.env.POD_NAME ?? process.env.HOSTNAME} namespace=${process.env.POD_NAMESPACE ?? ''} ip=${ip}`;

const server = createServer((request, response) => {
  console.log(`${request.method} ${request.url} from ${request.socket.remoteAddress}`);
  response.end(`${who}\n`);
});
server.listen(port, () => console.log(`echo: listening on :${port} as ${who}`));
process.on('SIGTERM', () => {
  console.log('echo: SIGTERM, stopping');
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
