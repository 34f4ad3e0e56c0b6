// A cluster laid out as kubeadm lays one out: the control plane runs as static pods on a node.
//
// kubelab's usual cluster runs each component in a container of its own, so that a scenario
// can kill and restart one (cluster.ts). `kubeadm init` does it differently, and this topology
// shows how: the control-plane node is a machine like the workers, with a container runtime
// and a kubelet, and four manifests in its manifest folder (control-plane-manifests.ts). Its
// kubelet runs etcd and the API server before any API server exists, registers its Node once
// the API server it started answers, and shows each static pod as a mirror pod in kube-system.
// The controller manager then gives the node its podCIDR, and the scheduler places pods.
// The control-plane node holds the API server's fixed address on the cluster network, the
// `apiserver` every kubelet finds in its /etc/hosts: workers join it as they join any cluster.
// Real Kubernetes: `kubeadm init` (cmd/kubeadm/app/cmd/phases/init/controlplane.go), then
// `kubeadm join` on the workers.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '../../client/logger.js';
import { RestClient } from '../../client/rest-client.js';
import { sleep } from '../../client/sleep.js';
import { PROJECT_DIR } from '../../project-root.js';
import { checkClusterName, DEFAULT_CLUSTER_NAME } from '../cluster.js';
import type { ClusterOptions } from '../cluster-options.js';
import { createClusterNetwork } from '../cluster-network.js';
import { containerEngine } from '../container-engine.js';
import { APISERVER_ALIAS, renderKubeconfig } from '../containers/apiserver-container.js';
import { ensureRuntimeImage } from '../images.js';
import { NodeFleet } from '../node-fleet.js';
import { kubeletSettings, type NodeOptions } from '../node-launch.js';
import { waitUntilNodesReady } from '../nodes-ready.js';
import { claimClusterName, removeOwned, stopOnOwnerExit } from '../ownership.js';
import { ControlPlaneNodeName, realNodeNames } from '../real-nodes.js';
import { ApiServerPort, controlPlaneManifests, EtcdDataDir, ManifestFolder } from './control-plane-manifests.js';

/** etcd, then the API server, both started by a kubelet: more than a container's start. */
const ApiServerDeadlineMs = 180_000;
const ReadyzPollMs = 500;
const MirrorPodsDeadlineMs = 60_000;

export interface KubeadmCluster {
  readonly name: string;
  /** The API server on this machine's loopback (the control-plane node publishes its port). */
  readonly apiServerUrl: string;
  readonly kubeconfigPath: string;
  /** The control-plane node and the workers: containers with a container runtime and a kubelet. */
  readonly nodes: NodeFleet;
  /** Stops and removes every node and the network, and the kubeconfig. Safe to call twice. */
  stop(): Promise<void>;
}

export interface KubeadmClusterOptions extends ClusterOptions {
  /** How many workers join: worker-1 … worker-<count>. */
  workers?: number;
  /** Told each node's container as it starts, to follow its kubelet's log (the tests do). */
  onNodeStarted?: (node: string, containerId: string) => void;
  /** Gives up the start: what has started is removed, and the promise rejects. */
  signal?: AbortSignal;
}

// #region kubeadm-init
/** Starts the control-plane node, waits until its API server answers, then joins the workers. */
export async function startKubeadmCluster(options: KubeadmClusterOptions = {}): Promise<KubeadmCluster> {
  const name = options.name ?? DEFAULT_CLUSTER_NAME;
  checkClusterName(name);
  const logger = options.logger ?? createLogger('cluster');
  const engine = await containerEngine();
  const [image] = await Promise.all([ensureRuntimeImage(logger), claimClusterName(engine, name)]);
  const clusterNetwork = await createClusterNetwork(engine, name);
  const nodes = new NodeFleet(
    {
      cluster: name,
      image,
      network: clusterNetwork.network.getName(),
      hosts: clusterNetwork.hosts,
      apiServerUrl: `http://${APISERVER_ALIAS}:${ApiServerPort}`,
      kubelet: kubeletSettings(options),
    },
    engine,
    false,
  );
  const kubeconfigPath = path.join(PROJECT_DIR, '.kubelab', name, 'kubeconfig');
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await nodes.removeAll();
      await removeOwned(engine, { cluster: name });
      await rm(kubeconfigPath, { force: true });
      unregister();
    })();
    return stopping;
  };
  const unregister = stopOnOwnerExit(stop, options.handleSignals ?? true);
  const signal = options.signal ?? new AbortController().signal;
  const addNode = async (node: string, nodeOptions: NodeOptions = {}) => {
    await nodes.add(node, nodeOptions);
    options.onNodeStarted?.(node, nodes.containerId(node));
    signal.throwIfAborted();
  };
  try {
    // The control plane's manifests are on the node before its kubelet starts, as kubeadm
    // writes them before it starts the kubelet.
    const manifests = [...controlPlaneManifests(ControlPlaneNodeName, { ...options, auditLogPath: undefined })];
    await addNode(ControlPlaneNodeName, {
      controlPlane: true,
      fixedAddress: { address: clusterNetwork.addresses.apiserver, alias: APISERVER_ALIAS },
      files: manifests.map(([file, content]) => ({ path: path.posix.join(ManifestFolder, file), content })),
      publishedPorts: [ApiServerPort],
      tmpfs: [EtcdDataDir],
    });
    const apiServerUrl = nodes.localUrl(ControlPlaneNodeName, ApiServerPort);
    await waitForReadyz(apiServerUrl, nodes, signal);
    await mkdir(path.dirname(kubeconfigPath), { recursive: true });
    await writeFile(kubeconfigPath, renderKubeconfig(apiServerUrl));
    const [, ...workers] = realNodeNames(options.workers ?? 0);
    await Promise.all(workers.map((worker) => addNode(worker)));
    // Ready once the controller manager gave each its podCIDR, as after `kubectl wait`; and the
    // control plane shown as mirror pods, as kubeadm's wait-control-plane phase waits for.
    const client = new RestClient(apiServerUrl, 'kubelab-start');
    try {
      const hint = "see their kubelets' logs (docker logs <cluster>-<node>)";
      await waitUntilNodesReady(client, nodes.names(), hint, signal);
      await waitForMirrorPods(client, [...controlPlaneManifests(ControlPlaneNodeName, {}).keys()], signal);
    } finally {
      await client.close();
    }
    return { name, apiServerUrl, kubeconfigPath, nodes, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`startKubeadmCluster: cluster "${name}" did not come up: ${message}`, { cause: error });
  }
}
// #endregion kubeadm-init

/** Polls the API server's /readyz until it answers 200; on the deadline, says what the node logged. */
async function waitForReadyz(apiServerUrl: string, nodes: NodeFleet, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + ApiServerDeadlineMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    const answered = await fetch(`${apiServerUrl}/readyz`, { signal: AbortSignal.timeout(ReadyzPollMs * 4) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (answered) return;
    await sleep(ReadyzPollMs, signal);
  }
  const kubeletLog = await nodes.logs(ControlPlaneNodeName, 20).catch(() => '(no log)');
  throw new Error(
    `the API server on node ${ControlPlaneNodeName} did not answer /readyz within ${ApiServerDeadlineMs / 1000} s.\n` +
      `The kubelet's last lines:\n${kubeletLog}\n${await staticPodLogs(nodes, ControlPlaneNodeName)}`,
  );
}

/** Until each manifest's mirror pod is Running in kube-system. */
async function waitForMirrorPods(client: RestClient, manifestFiles: string[], signal: AbortSignal): Promise<void> {
  const wanted = manifestFiles.map((file) => `${path.posix.basename(file, '.yaml')}-${ControlPlaneNodeName}`);
  const deadline = Date.now() + MirrorPodsDeadlineMs;
  let missing = wanted;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    const pods = (await client.list({ resource: 'pods', namespace: 'kube-system' })).items;
    const running = new Set(pods.filter((pod) => pod.status?.phase === 'Running').map((pod) => pod.metadata.name));
    missing = wanted.filter((name) => !running.has(name));
    if (missing.length === 0) return;
    await sleep(ReadyzPollMs, signal);
  }
  throw new Error(
    `no running mirror pod in kube-system for ${missing.join(', ')} within ${MirrorPodsDeadlineMs / 1000} s`,
  );
}

const LogLinesEach = 10;

/**
 * The last lines of each kube-system pod's container logs on `node`, read from the files the
 * kubelet keeps (/var/log/pods), as a person would when kubectl has no API server to ask.
 */
export async function staticPodLogs(nodes: NodeFleet, node: string, linesEach = LogLinesEach): Promise<string> {
  const script = 'for f in /var/log/pods/kube-system_*/*/*.log; do echo "== $f"; cat "$f"; done';
  const { output } = await nodes.exec(node, ['sh', '-c', script]).catch(() => ({ output: '' }));
  return output
    .split(/^== /m)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [file = '', ...lines] = part.trimEnd().split('\n');
      return [`${file}:`, ...lines.slice(-linesEach)].join('\n  ');
    })
    .join('\n');
}
