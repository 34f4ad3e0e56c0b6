// How scenarios reach the cluster: the one this run started, or one that is already up.
//
// With KUBELAB_KUBECONFIG=<path> the run starts no cluster and uses the one that kubeconfig
// names: a kubelab cluster (`npm start`'s, the watch mode's), or any real Kubernetes cluster. A
// `cluster.json` beside the kubeconfig (every kubelab cluster has one) tells where that cluster's
// etcd and audit log are; without them, scenarios tagged @needs-etcd or @needs-audit are not
// applicable, and scenarios that kill components (@needs-component-control) never are.
// Scenarios that make kubelab's simulated nodes (@needs-simulated-nodes: Node objects whose
// kubelet the node agent plays, kwok-style) need a kubelab cluster whose nodes are all
// simulated: they replace the nodes there were, and on another cluster nothing would keep them
// alive. Scenarios that start real nodes (@needs-real-nodes) need a cluster this run started,
// or a kubelab cluster on this machine whose nodes are all simulated: cluster.json says how its
// nodes start (impl/cluster/node-launch.ts), and this run adds them, as it would simulated ones.
// A server that is not plain http (a real cluster, with TLS and credentials) is reached
// through `kubectl proxy`, the door a person would use, so the API client stays simple.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Cluster } from '../../impl/cluster/cluster.js';
import { readClusterFile } from '../../impl/cluster/cluster-file.js';
import { containerEngine } from '../../impl/cluster/container-engine.js';
import { containerLog, followLogs } from '../../impl/cluster/log-follower.js';
import { NodeFleet } from '../../impl/cluster/node-fleet.js';
import { SimulatedNodeAnnotation } from '../../impl/client/kubelab-annotations.js';
import { RestClient } from '../../impl/client/rest-client.js';

const ProxyReady = /Starting to serve on ([\d.]+:\d+)/;
const ProxyStartMs = 15_000;

export interface ClusterAccess {
  apiServerUrl: string;
  kubeconfigPath: string;
  /** etcd's client URL on this machine, when scenarios may read etcd directly. */
  etcdUrl?: string;
  /** The API server's audit log, when this machine can read it. */
  auditLogPath?: string;
  /** Whether the cluster runs kubelab's node agent, which plays the kubelet of simulated nodes. */
  hasSimulatedNodes?: boolean;
  /** Whether this run started the cluster, and so may kill and start its components. */
  canControlComponents?: boolean;
  /** Adds real nodes (containers) to the cluster, when this run may: see above. */
  nodes?: NodeFleet;
  /** Follows every component's log, when this machine runs the cluster's containers. */
  followLogs?: FollowComponentLogs;
  /** Stops what reaching the cluster needed (a kubectl proxy). */
  close?: () => void;
}

/** Tells `onLine` each line any component writes from now on, and which; returns the stop function. */
export type FollowComponentLogs = (onLine: (component: string, line: string) => void) => () => void;

export function accessToStartedCluster(cluster: Cluster): ClusterAccess {
  return {
    apiServerUrl: cluster.apiServer.getApiServerUrl(),
    kubeconfigPath: cluster.kubeconfigPath,
    etcdUrl: cluster.etcd.getClientUrl(),
    auditLogPath: cluster.auditLogPath,
    canControlComponents: true,
    nodes: cluster.nodes,
    hasSimulatedNodes: true,
    followLogs: followContainers(cluster.containerIds()),
  };
}

export async function accessToExistingCluster(kubeconfigPath: string): Promise<ClusterAccess> {
  const recorded = readClusterFile(kubeconfigPath);
  const server = serverOf(kubeconfigPath);
  const followLogs = recorded?.containerIds ? followContainers(recorded.containerIds) : undefined;
  const base = { kubeconfigPath, etcdUrl: recorded?.etcdUrl, auditLogPath: recorded?.auditLogPath, followLogs };
  const proxy = server.startsWith('http://') ? undefined : await startKubectlProxy(kubeconfigPath);
  const apiServerUrl = proxy?.url ?? server;
  // Every kubelab cluster writes cluster.json and runs the node agent; another cluster has
  // neither. Scenarios that make simulated nodes remove the nodes there were: only where every
  // node is simulated, never a cluster's real nodes (`npm start`'s are real).
  const hasSimulatedNodes = recorded !== undefined && (await everyNodeIsSimulated(apiServerUrl));
  // Real nodes replace the nodes there were too: the same rule. Its nodes are this run's.
  const launch = hasSimulatedNodes ? recorded?.nodeLaunch : undefined;
  const nodes = launch ? new NodeFleet(launch, await containerEngine(), true) : undefined;
  return { ...base, apiServerUrl, hasSimulatedNodes, nodes, close: proxy ? () => proxy.child.kill() : undefined };
}

async function everyNodeIsSimulated(apiServerUrl: string): Promise<boolean> {
  const client = new RestClient(apiServerUrl, 'kubelab-scenario');
  try {
    const nodes = (await client.list({ resource: 'nodes' })).items;
    return nodes.every((node) => node.metadata.annotations?.[SimulatedNodeAnnotation] === 'true');
  } finally {
    await client.close();
  }
}

/** Why a scenario with these tags cannot run against this cluster, or undefined if it can. */
export function whyNotApplicable(tags: string[], access: ClusterAccess): string | undefined {
  if (tags.includes('@needs-etcd') && access.etcdUrl === undefined)
    return "it reads etcd directly, and this cluster's etcd is not reachable from here";
  if (tags.includes('@needs-audit') && access.auditLogPath === undefined)
    return "it reads the API server's audit log, which this cluster does not share";
  if (tags.includes('@needs-component-control') && !access.canControlComponents)
    return 'it kills and starts control-plane components, which only a cluster this run started allows';
  if (tags.includes('@needs-real-nodes') && !access.nodes)
    return 'it adds real nodes (containers with a kubelet): only to a kubelab cluster whose nodes are all simulated';
  if (tags.includes('@needs-simulated-nodes') && !access.hasSimulatedNodes)
    return 'it replaces the nodes with simulated ones: this cluster has real nodes, or no kubelab node agent';
  return undefined;
}

/** Follows the logs of containers known by id, as `docker logs -f` would: component name → container id. */
function followContainers(containerIds: Record<string, string>): FollowComponentLogs {
  return (onLine) => {
    const follow = ([component, id]: [string, string]) =>
      followLogs(containerLog(id), (line) => onLine(component, line));
    const stops = Object.entries(containerIds).map(follow);
    return () => {
      for (const stop of stops) stop();
    };
  };
}

function serverOf(kubeconfigPath: string): string {
  const config = parse(readFileSync(kubeconfigPath, 'utf8')) as {
    'current-context'?: string;
    contexts?: Array<{ name: string; context: { cluster: string } }>;
    clusters?: Array<{ name: string; cluster: { server: string } }>;
  };
  const context = config.contexts?.find((candidate) => candidate.name === config['current-context']);
  const server = config.clusters?.find((candidate) => candidate.name === context?.context.cluster)?.cluster.server;
  if (!server) throw new Error(`accessToExistingCluster: ${kubeconfigPath} names no server for its current context`);
  return server;
}

function startKubectlProxy(kubeconfigPath: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', ['--kubeconfig', kubeconfigPath, 'proxy', '--port=0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`kubectl proxy did not start within ${ProxyStartMs} ms: ${output}`)),
      ProxyStartMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.on('error', (error) => fail(new Error(`kubectl proxy could not run: ${error.message}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const address = ProxyReady.exec(output)?.[1];
      if (address === undefined) return;
      clearTimeout(timer);
      resolve({ url: `http://${address}`, child });
    });
  });
}
