// Entry for `npm start`: a cluster a person can poke with kubectl and etcdctl.
//
// Starts a cluster (etcd, the API server, the scheduler, the controller managers and the
// simulated node agent, in containers) with a control-plane node and worker nodes whose
// kubelets run pods (real-nodes.ts), and simulated nodes if asked (simulated-nodes.ts); prints the
// commands that reach it and how long it took to answer, and keeps it up until SIGINT (Ctrl-C)
// or SIGTERM, when it removes every container and exits 0 (stop-on-signals.ts). With
// `--kubeadm`, the control plane runs as static pods on the control-plane node instead, as
// `kubeadm init` lays it out (kubeadm/kubeadm-cluster.ts). Should this
// process die without stopping it, a watchdog removes the cluster (owner-watchdog.ts). Real
// Kubernetes: `kind create cluster` or `kubeadm init`, which likewise end by telling you where
// the kubeconfig is; kwok adds simulated nodes.
import { type Cluster, DEFAULT_CLUSTER_NAME, startCluster } from './cluster.js';
import { containerEngine } from './container-engine.js';
import { type KubeadmCluster, startKubeadmCluster } from './kubeadm/kubeadm-cluster.js';
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
let cluster: Cluster | KubeadmCluster | undefined;

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

let greeting: string;
try {
  if (options.kubeadm) {
    const kubeadm = await startKubeadmCluster({ name, handleSignals: false, workers: options.nodeCount });
    cluster = kubeadm;
    greeting = kubeadmGreeting(kubeadm);
  } else {
    const started = await startCluster({ name, handleSignals: false });
    cluster = started;
    const realNodes = await startRealNodes(started, options.nodeCount);
    const apiServerUrl = started.apiServer.getApiServerUrl();
    const simulatedNodes = await createSimulatedNodes(apiServerUrl, options.simulatedNodeCount);
    greeting = componentsGreeting(started, describeNodes(started.name, realNodes, simulatedNodes));
  }
} catch (error) {
  // A signal's stop is under way and exits when done; the error is only its echo.
  if (signals.signalled) await new Promise<never>(() => {});
  console.error(error instanceof Error ? error.message : String(error));
  await cluster?.stop().catch(() => {});
  process.exit(1);
}
const secondsToReady = performance.now() / 1000;
console.log(`Cluster "${cluster.name}" answers, ${secondsToReady.toFixed(1)} s after this process started.

${greeting}

Press Ctrl-C to stop the cluster.`);
// #endregion

function componentsGreeting(cluster: Cluster, nodes: string): string {
  return `API server: ${cluster.apiServer.getApiServerUrl()}

${nodes}

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

Lay the control plane out as kubeadm does, as static pods on the control-plane node:
  npm start -- --kubeadm`;
}

function kubeadmGreeting(cluster: KubeadmCluster): string {
  const node = `${cluster.name}-control-plane`;
  return `API server: ${cluster.apiServerUrl}, a static pod on the control-plane node, as kubeadm runs it.

Nodes: ${cluster.nodes.names().join(', ')}: containers ${cluster.name}-<node>, each running its kubelet.
The control-plane node's kubelet runs etcd, the API server, the controller manager and the
scheduler from the manifests in its /etc/kubernetes/manifests, and shows each as a mirror pod.

See them:
  export KUBECONFIG=${cluster.kubeconfigPath}
  kubectl -n kube-system get pods -o custom-columns=POD:metadata.name,NODE:spec.nodeName
  docker exec ${node} ls /etc/kubernetes/manifests
  docker exec ${node} ps -ef              (the components are the container runtime's children)

Edit a manifest and the kubelet replaces that pod (here the scheduler restarts):
  docker cp ${node}:/etc/kubernetes/manifests/kube-scheduler.yaml .
  (add to its env: {name: PERCENTAGE_OF_NODES_TO_SCORE, value: "50"}, then)
  docker cp kube-scheduler.yaml ${node}:/etc/kubernetes/manifests/
  kubectl -n kube-system get pods -w

Run pods on the workers, as on any cluster:
  kubectl create deployment web --image=kubelab/echo --replicas=3
  kubectl get pods -o wide

etcd listens on the control-plane node's loopback only: only the API server talks to it.
Without --kubeadm, each component runs in a container of its own, which the tests kill and restart.`;
}

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
