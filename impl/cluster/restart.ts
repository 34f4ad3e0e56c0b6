// Restarting one component: its process starts again and loads the code in dist/ anew.
//
// "Any component can be killed and restarted and the cluster converges again" (design.md).
// The exercise watch mode relies on it: after a rebuild, the API server's container restarts
// and runs the new code from the bind-mounted project, while etcd keeps the cluster's state.
// The engine may publish the port anew, so the kubeconfig is written again. kubelab
// simplifies: only components that run kubelab's own code restart, never etcd, whose data
// lives on a tmpfs. Real Kubernetes: the kubelet restarts a static pod when its manifest changes.
import { writeFile } from 'node:fs/promises';
import type { Cluster } from './cluster.js';
import type { NodeComponent } from './component-process.js';

/**
 * How long a component gets to exit on SIGTERM before it is killed. The API server answers its
 * requests in flight first (graceful-shutdown.ts), which takes milliseconds; the rest is margin.
 */
const RestartGraceMs = 10_000;

/** Restart `component` and wait until it is ready again; returns the seconds that took. */
export async function restartComponent(cluster: Cluster, component: NodeComponent): Promise<number> {
  const started = performance.now();
  if (component !== 'apiserver') throw new Error(`restartComponent: only the API server restarts for now, not ${component}`);
  await cluster.apiServer.restart({ timeout: RestartGraceMs });
  await writeFile(cluster.kubeconfigPath, cluster.apiServer.getKubeconfig());
  return (performance.now() - started) / 1000;
}
