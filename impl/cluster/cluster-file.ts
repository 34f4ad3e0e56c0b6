// cluster.json: what a kubeconfig cannot say about a kubelab cluster.
//
// A kubeconfig names the API server, which is all a client of Kubernetes may use. A scenario
// also looks through two doors a learner has on their own machine: etcd, read like `etcdctl`,
// and the API server's audit log. `.kubelab/<name>/cluster.json`, beside the kubeconfig, names
// them, so a test run pointed at a running cluster (KUBELAB_KUBECONFIG) can open them too:
// `npm start`'s cluster and the exercise watch mode's. It also names each component's
// container, whose log a student edition's run follows (as `docker logs -f` would) to stop a
// scenario that waits on an unsolved exercise, and how a node of this cluster starts, so that
// such a run can add real nodes to it. It lives while the cluster does.
// Real Kubernetes: nothing alike; kind's `kind get kubeconfig` is the nearest, and says less.

import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Cluster } from './cluster.js';
import type { NodeLaunchSettings } from './node-launch.js';

export const ClusterFile = 'cluster.json';

/** What `cluster.json` beside a kubelab kubeconfig records. */
export interface ClusterFileContents {
  apiServerUrl: string;
  kubeconfigPath: string;
  /** etcd's client URL on this machine. */
  etcdUrl?: string;
  /** The API server's audit log; absent when the cluster writes none. */
  auditLogPath?: string;
  /** Each component's container id, by component name. */
  containerIds?: Record<string, string>;
  /** How its real nodes start, for a process that adds some (node-launch.ts). */
  nodeLaunch?: NodeLaunchSettings;
}

/** Write (or write again, after a restart moved a port) the cluster's `cluster.json`. */
export async function writeClusterFile(cluster: Cluster, hasAuditLog = true): Promise<void> {
  const contents: ClusterFileContents = {
    apiServerUrl: cluster.apiServer.getApiServerUrl(),
    kubeconfigPath: cluster.kubeconfigPath,
    etcdUrl: cluster.etcd.getClientUrl(),
    auditLogPath: hasAuditLog ? cluster.auditLogPath : undefined,
    containerIds: cluster.containerIds(),
    nodeLaunch: cluster.nodes.settings,
  };
  await writeFile(clusterFilePath(cluster.kubeconfigPath), `${JSON.stringify(contents, null, 2)}\n`);
}

export function removeClusterFile(kubeconfigPath: string): Promise<void> {
  return rm(clusterFilePath(kubeconfigPath), { force: true });
}

/** The `cluster.json` beside a kubeconfig, or undefined if there is none (not a kubelab cluster). */
export function readClusterFile(kubeconfigPath: string): ClusterFileContents | undefined {
  const file = clusterFilePath(kubeconfigPath);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ClusterFileContents) : undefined;
}

function clusterFilePath(kubeconfigPath: string): string {
  return path.join(path.dirname(kubeconfigPath), ClusterFile);
}
