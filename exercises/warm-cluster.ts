// The watch mode's warm cluster: started once, kept up while the learner edits, and described
// in `.kubelab/<name>/cluster.json` so `npm test` runs can use it (KUBELAB_KUBECONFIG).
//
// cluster.json names what a kubeconfig cannot: etcd's client URL and the audit log's path, so
// scenarios that read etcd or the audit log apply to this cluster too (see
// impl/cluster/cluster-file.ts; startCluster writes it). After a rebuild only the API server
// restarts; etcd keeps the state, and the cluster is ready again in seconds, not the tens a
// fresh start takes.

import { type Cluster, startCluster } from '../impl/cluster/cluster.js';
import { writeClusterFile } from '../impl/cluster/cluster-file.js';
import { TestClusterOptions } from '../impl/cluster/test-cluster-options.js';

export const WarmClusterName = 'kubelab-exercise';

export function startWarmCluster(): Promise<Cluster> {
  // As in the test runs, so scenarios about compaction and node lifecycle behave the same.
  return startCluster({ name: WarmClusterName, ...TestClusterOptions });
}

/**
 * Restart the API server so it runs the code just built; returns the seconds it took.
 * cluster.json is written again: the engine may have published the API server's port anew.
 */
export async function reloadApiServer(cluster: Cluster): Promise<number> {
  const started = performance.now();
  await cluster.restart('apiserver');
  await writeClusterFile(cluster);
  return (performance.now() - started) / 1000;
}
