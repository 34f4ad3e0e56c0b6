// Entry for `npm start`: a cluster a person can poke with kubectl and etcdctl.
//
// Starts a cluster (etcd and the API server, in containers), prints the commands that reach it
// and how long it took to answer, and keeps it up until Ctrl-C or SIGTERM, when it removes
// every container and exits 0. Real Kubernetes: `kind create cluster` or `kubeadm init`, which
// likewise end by telling you where the kubeconfig is.
import { type Cluster, DEFAULT_CLUSTER_NAME, startCluster } from './cluster.js';

const KEEPALIVE_MS = 1 << 30;

// #region main
let cluster: Cluster;
try {
  // KUBELAB_CLUSTER_NAME lets a second cluster (the benchmark's) run beside a learner's.
  cluster = await startCluster({ name: process.env.KUBELAB_CLUSTER_NAME ?? DEFAULT_CLUSTER_NAME, handleSignals: false });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const secondsToReady = performance.now() / 1000;
const keepalive = setInterval(() => {}, KEEPALIVE_MS);

console.log(`Cluster "${cluster.name}" answers, ${secondsToReady.toFixed(1)} s after this process started.

API server: ${cluster.apiServer.getApiServerUrl()}

Talk to the API server with kubectl:
  export KUBECONFIG=${cluster.kubeconfigPath}
  kubectl get namespaces

Read what the API server stored in etcd:
  ETCDCTL_API=3 etcdctl --endpoints=${cluster.etcd.getClientUrl()} get /registry --prefix --keys-only

Follow every request, and the etcd operations it caused, in the API server's audit log:
  tail -f ${cluster.auditLogPath}

Run the features against this cluster (cluster.json beside the kubeconfig names etcd and the log):
  KUBELAB_KUBECONFIG=${cluster.kubeconfigPath} npm test

Press Ctrl-C to stop the cluster.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping cluster "${cluster.name}"...`);
    cluster.stop().then(
      () => {
        clearInterval(keepalive);
        console.log('Stopped; every container and the network are removed.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  });
}
// #endregion
