// How a real node of a cluster starts: what any process needs to add one.
//
// A node joins a cluster with little: the API server's address, the network it reaches it on,
// and the kubelet's settings. kubeadm's `join` needs no more (an endpoint and a token). These
// settings are plain data, written to cluster.json (cluster-file.ts), so a test run pointed at
// a cluster it did not start (the exercise watch mode's, the mutant grader's) can add nodes to
// it too. Such a node belongs to the process that added it: it carries that process's pid, so
// the node goes when that process does, while the cluster stays (ownership.ts).
// Real Kubernetes: `kubeadm join <endpoint> --token ...`; kind's `kind create cluster` nodes.
import type { StartedTestContainer } from 'testcontainers';
import type { LaunchOptions } from './cluster-options.js';
import { NodeContainer } from './containers/node-container.js';
import { ownershipLabels } from './ownership.js';

/** What starting a node of one cluster takes; the same for every node of that cluster. */
export interface NodeLaunchSettings {
  cluster: string;
  image: string;
  /** The cluster's network, by name. */
  network: string;
  /** The fixed names (etcd, apiserver) every container finds in its /etc/hosts. */
  hosts: Array<{ host: string; ipAddress: string }>;
  apiServerUrl: string;
  /** The kubelet's timings, as the cluster's options set them (environment variables). */
  kubelet: Record<string, string>;
}

export interface NodeOptions {
  /** Labelled and tainted `node-role.kubernetes.io/control-plane`, as kubeadm marks one. */
  controlPlane?: boolean;
  /** The CPUs and memory its kubelet reports, instead of the machine's. */
  cpu?: string;
  memory?: string;
  /**
   * Reachable at this address and name on the cluster network, whatever address the engine
   * would give: kubeadm's control-plane node is the API server's endpoint (kubeadm/).
   */
  fixedAddress?: { address: string; alias: string };
  /** Files in place before its kubelet starts, such as static pod manifests. */
  files?: Array<{ path: string; content: string }>;
  /** Ports of the node published on this machine's loopback (NodeFleet.localUrl). */
  publishedPorts?: number[];
  /** Folders of the node kept in memory, such as etcd's data on a control-plane node. */
  tmpfs?: string[];
}

/** The kubelet's timings a cluster's options shorten (tests wait less for back-offs and heartbeats). */
export function kubeletSettings(options: LaunchOptions): Record<string, string> {
  return definedOnly({
    LEASE_RENEW_INTERVAL_SECONDS: options.nodeLeaseRenewIntervalSeconds,
    CRASH_LOOP_BACKOFF_INITIAL_SECONDS: options.kubelet?.backoffInitialSeconds,
    CRASH_LOOP_BACKOFF_MAX_SECONDS: options.kubelet?.backoffMaxSeconds,
    IMAGE_PULL_BACKOFF_INITIAL_SECONDS: options.kubelet?.backoffInitialSeconds,
    IMAGE_PULL_BACKOFF_MAX_SECONDS: options.kubelet?.backoffMaxSeconds,
    NODE_STATUS_UPDATE_FREQUENCY_SECONDS: options.kubelet?.nodeStatusUpdateSeconds,
    KUBELET_RESTART_SECONDS: options.kubelet?.restartSeconds,
  });
}

/** Creates and starts node `node`'s container; resolves once its kubelet runs. */
export function launchNode(
  settings: NodeLaunchSettings,
  node: string,
  options: NodeOptions = {},
): Promise<StartedTestContainer> {
  const perNode = definedOnly({
    CONTROL_PLANE_NODE: options.controlPlane ? 'true' : undefined,
    NODE_CPU: options.cpu,
    NODE_MEMORY: options.memory,
  });
  const container = new NodeContainer(settings.image, node, settings.apiServerUrl, { ...settings.kubelet, ...perNode })
    .withName(`${settings.cluster}-${node}`)
    .withLabels(ownershipLabels(settings.cluster))
    .withNetworkMode(settings.network)
    .withExtraHosts(settings.hosts)
    .withCopyContentToContainer((options.files ?? []).map(({ path, content }) => ({ content, target: path })))
    .withTmpFs(Object.fromEntries((options.tmpfs ?? []).map((folder) => [folder, 'rw'])))
    .publishOnLoopback(options.publishedPorts ?? []);
  if (options.fixedAddress) container.withFixedAddress(options.fixedAddress.address, options.fixedAddress.alias);
  return container.start();
}

function definedOnly(values: Record<string, string | number | undefined>): Record<string, string> {
  const defined = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return Object.fromEntries(defined.map(([key, value]) => [key, String(value)]));
}
