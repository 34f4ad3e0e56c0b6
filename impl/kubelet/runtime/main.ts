// The container runtime's entry: one per real node, started by the node's init before the kubelet.
//
// It listens on its socket and runs what the kubelet asks for. Its containers are its own
// children, in process groups of their own: when the kubelet stops, restarts or crashes, they
// run on, and a kubelet that starts again finds them here (the kubelet adopts them). When the
// runtime itself stops, the node is going down: its init ends with it, and so does every pod.
// Real Kubernetes: containerd (containerd.service), with its shims holding each container.
import { createLogger } from '../../client/logger.js';
import { onStopSignal } from '../../client/stop-signal.js';
import { RuntimeSocket } from '../cri/runtime-wire.js';
import { RuntimeServer } from './runtime-server.js';

// What `ps` and `pkill` in the node show: the runtime, not "node".
process.title = 'kubelab-runtime';
const logger = createLogger('runtime');
await new RuntimeServer(logger).listen(RuntimeSocket);
logger.info('runtime started', { socket: RuntimeSocket });
onStopSignal((signal) => {
  logger.info('shutting down', { signal });
  process.exit(0);
});
