// The watch mode's warm cluster: started once, kept up while the learner edits, and described
// in `.kubelab/<name>/cluster.json` so `npm test` runs can use it (KUBELAB_KUBECONFIG).
//
// cluster.json names what a kubeconfig cannot: etcd's client URL and the audit log's path, so
// scenarios that read etcd or the audit log apply to this cluster too (see
// impl/cluster/cluster-file.ts; startCluster writes it). After a rebuild only the components
// that run the exercise's code restart (the component table says which: the API server for the
// store's exercises, the scheduler for its plugins, the controller managers for the
// controllers'); etcd keeps the state, and the cluster is ready again in seconds, not the tens
// a fresh start takes. The kubelet's code needs no restart: each scenario that runs it adds real
// nodes of its own (impl/cluster/node-fleet.ts), whose kubelets run the code built last.

import { type Cluster, startCluster } from '../impl/cluster/cluster.js';
import { writeClusterFile } from '../impl/cluster/cluster-file.js';
import { ComponentInstances, componentsRunning } from '../impl/cluster/components.js';
import { TestClusterOptions } from '../impl/cluster/test-cluster-options.js';

export const WarmClusterName = 'kubelab-exercise';

export function startWarmCluster(): Promise<Cluster> {
  // As in the test runs, so scenarios about compaction and node lifecycle behave the same.
  return startCluster({ name: WarmClusterName, ...TestClusterOptions });
}

/** The component instances that run the code of `files`, the API server first: what a rebuild restarts. */
export function componentsToReload(files: readonly string[]): string[] {
  const rows = new Set(files.flatMap(componentsRunning).filter((row) => row.restartable));
  const instances = ComponentInstances.filter((instance) => rows.has(instance.row)).map((instance) => instance.name);
  return instances.sort((a, b) => Number(b === 'apiserver') - Number(a === 'apiserver'));
}

/** Whether every file runs in the kubelets of real nodes, which each scenario starts anew. */
export function runsOnRealNodes(files: readonly string[]): boolean {
  return files.every((file) => file.startsWith('impl/kubelet/') && componentsRunning(file).length === 0);
}

/**
 * Restart the components that run `files` so they run the code just built; returns the
 * seconds it took. The API server goes first, its clients after it, side by side. cluster.json
 * is written again: the engine may have published the API server's port anew.
 */
export async function reloadComponents(cluster: Cluster, components: readonly string[]): Promise<number> {
  const started = performance.now();
  if (components.includes('apiserver')) await cluster.restart('apiserver');
  await Promise.all(components.filter((name) => name !== 'apiserver').map((name) => cluster.restart(name)));
  await writeClusterFile(cluster);
  return (performance.now() - started) / 1000;
}
