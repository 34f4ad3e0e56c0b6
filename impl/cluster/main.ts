// Entry for `npm start`: a cluster a person can poke with kubectl and etcdctl.
//
// Starts a cluster (etcd, the API server, the scheduler, the controller managers and the
// simulated node agent, in containers) with a control-plane node and worker nodes whose
// kubelets run pods (real-nodes.ts), and simulated nodes if asked (simulated-nodes.ts); prints the
// commands that reach it and how long it took to answer, and keeps it up until SIGINT (Ctrl-C)
// or SIGTERM, when it removes every container and exits 0 (stop-on-signals.ts). Should this
// process die without stopping it, a watchdog removes the cluster (owner-watchdog.ts). Real
// Kubernetes: `kind create cluster` or `kubeadm init`, which likewise end by telling you where
// the kubeconfig is; kwok adds simulated nodes.
import { type Cluster, DEFAULT_CLUSTER_NAME, startCluster } from './cluster.js';
import { containerEngine } from './container-engine.js';
import { watchOwner } from './owner-watchdog.js';
import { removeOwned } from './ownership.js';
import { startRealNodes } from './real-nodes.js';
import { createSimulatedNodes } from './simulated-nodes.js';
import { parseStartOptions, type StartOptions } from './start-options.js';
import { stopOnSignals } from './stop-on-signals.js';

const KEEPALIVE_MS = 1 << 30;
const BAD_USAGE_EXIT_CODE = 2;

// #region main
let options: StartOptions;
try {
  options = parseStartOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(BAD_USAGE_EXIT_CODE);
}
// KUBELAB_CLUSTER_NAME lets a second cluster (the benchmark's) run beside a learner's.
const name = process.env.KUBELAB_CLUSTER_NAME ?? DEFAULT_CLUSTER_NAME;
// Nothing else keeps this process up once the cluster runs: it waits for a signal.
setInterval(() => {}, KEEPALIVE_MS);
const watchdog = watchOwner(name);
let cluster: Cluster | undefined;

// From the first moment: a signal while starting removes what has started so far.
const signals = stopOnSignals(
  (signal) => `${signal}: stopping ${cluster ? '' : 'the start of '}cluster "${name}"...`,
  async () => {
    if (cluster) {
      await cluster.stop();
      await watchdog.release();
      console.log('Stopped; every container and the network are removed.');
    } else {
      // A container whose creation is still under way is the watchdog's, once this process is gone.
      await removeOwned(await containerEngine(), { ownerPid: process.pid, cluster: name });
      console.log('Removed what had started.');
    }
  },
);

let realNodes: string[];
let simulatedNodes: string[];
try {
  cluster = await startCluster({ name, handleSignals: false });
  realNodes = await startRealNodes(cluster, options.nodeCount);
  simulatedNodes = await createSimulatedNodes(cluster.apiServer.getApiServerUrl(), options.simulatedNodeCount);
} catch (error) {
  // A signal's stop is under way and exits when done; the error is only its echo.
  if (signals.signalled) await new Promise<never>(() => {});
  console.error(error instanceof Error ? error.message : String(error));
  await cluster?.stop().catch(() => {});
  process.exit(1);
}
const secondsToReady = performance.now() / 1000;

console.log(`Cluster "${cluster.name}" answers, ${secondsToReady.toFixed(1)} s after this process started.

API server: ${cluster.apiServer.getApiServerUrl()}

${describeNodes(cluster.name, realNodes, simulatedNodes)}

Talk to the API server with kubectl:
  export KUBECONFIG=${cluster.kubeconfigPath}
  kubectl get nodes -o wide
  kubectl create deployment web --image=kubelab/echo --replicas=3
  kubectl get pods -o wide

Look inside a node, where the kubelet runs each pod as processes in a network namespace:
  docker exec ${cluster.name}-worker-1 ip netns
  docker exec ${cluster.name}-worker-1 ps -ef
  docker exec ${cluster.name}-worker-1 curl -s http://<a pod's IP>:8080
  docker exec ${cluster.name}-worker-1 pkill kubelet   (its pods run on; the next kubelet adopts them)

Read what the API server stored in etcd:
  ETCDCTL_API=3 etcdctl --endpoints=${cluster.etcd.getClientUrl()} get /registry --prefix --keys-only

Follow every request, and the etcd operations it caused, in the API server's audit log:
  tail -f ${cluster.auditLogPath}

Run the features against this cluster (cluster.json beside the kubeconfig names etcd and the log):
  KUBELAB_KUBECONFIG=${cluster.kubeconfigPath} npm test

Press Ctrl-C to stop the cluster.`);
// #endregion

function describeNodes(cluster: string, real: string[], simulated: string[]): string {
  const howMany = '`npm start -- --nodes=<count>` starts another number of workers (0 to 10).';
  const workers = real.filter((node) => node.startsWith('worker'));
  const lines = [
    `Nodes: ${real.join(', ')}: containers ${cluster}-<node>, each running its kubelet, which runs`,
    `the pods bound to its node as processes. Images are kubelab's own: kubelab/echo, kubelab/sleeper,`,
    'kubelab/exit, kubelab/crasher, kubelab/readiness-toggle; any other image ends in ImagePullBackOff.',
    workers.length === 0 ? `No worker: pods stay Pending (control-plane is tainted). ${howMany}` : howMany,
  ];
  if (simulated.length > 0) lines.push(`Simulated nodes (kwok-style, nothing runs on them): ${simulated.join(', ')}.`);
  return lines.join('\n');
}
