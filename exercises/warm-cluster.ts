// The watch mode's warm cluster: started once, kept up while the learner edits, and described
// in `.kubelab/<name>/cluster.json` so `npm test` runs can use it (KUBELAB_KUBECONFIG).
//
// cluster.json names what a kubeconfig cannot: etcd's client URL and the audit log's path, so
// scenarios that read etcd or the audit log apply to this cluster too (see
// steps/support/cluster-access.ts). After a rebuild only the API server restarts; etcd keeps
// the state, and the cluster is ready again in seconds, not the tens a fresh start takes.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Cluster, startCluster } from '../impl/cluster/cluster.js';
import { restartComponent } from '../impl/cluster/restart.js';
import { ClusterFile, type ClusterFileContents } from '../steps/support/cluster-access.js';

export const WarmClusterName = 'kubelab-exercise';
/** As in the test runs, so scenarios about compaction behave the same. */
const CompactionIntervalSeconds = 4;

export async function startWarmCluster(): Promise<Cluster> {
  const cluster = await startCluster({ name: WarmClusterName, etcdCompactionIntervalSeconds: CompactionIntervalSeconds });
  await writeClusterFile(cluster);
  return cluster;
}

/** Restart the API server so it runs the code just built; returns the seconds it took. */
export async function reloadApiServer(cluster: Cluster): Promise<number> {
  const seconds = await restartComponent(cluster, 'apiserver');
  await writeClusterFile(cluster);
  return seconds;
}

async function writeClusterFile(cluster: Cluster): Promise<void> {
  const contents: ClusterFileContents = {
    apiServerUrl: cluster.apiServer.getApiServerUrl(),
    kubeconfigPath: cluster.kubeconfigPath,
    etcdUrl: cluster.etcd.getClientUrl(),
    auditLogPath: cluster.auditLogPath,
  };
  await writeFile(path.join(path.dirname(cluster.kubeconfigPath), ClusterFile), `${JSON.stringify(contents, null, 2)}\n`);
}
