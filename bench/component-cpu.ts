// Where a benchmark's CPU went: the CPU time each of the cluster's containers used between two
// readings, from the container engine's stats (the container's cgroup), and this process's own.
// On a machine shared with other work, wall-clock rates move with the load; CPU seconds per
// operation move much less, and they say which component a figure was spent in.

import { containerEngine } from '../impl/cluster/container-engine.js';
import type { Cluster, ComponentName } from '../impl/cluster/cluster.js';

export type CpuReading = Map<string, number>;

const benchProcess = 'bench process';

/** CPU seconds used so far by each component's container (named `<cluster>-<component>`) and by this process. */
export async function readCpu(cluster: Cluster, components: readonly ComponentName[]): Promise<CpuReading> {
  const docker = (await containerEngine()).container.dockerode;
  const reading: CpuReading = new Map();
  for (const component of components) {
    const stats = await docker.getContainer(`${cluster.name}-${component}`).stats({ stream: false });
    reading.set(component, stats.cpu_stats.cpu_usage.total_usage / 1e9);
  }
  const own = process.cpuUsage();
  reading.set(benchProcess, (own.user + own.system) / 1e6);
  return reading;
}

/** "apiserver 41.2 s (2.06 ms/pod), ..." for the CPU used between two readings. */
export function formatCpu(before: CpuReading, after: CpuReading, operations: number, unit: string): string {
  const parts = [...after].map(([name, seconds]) => {
    const used = seconds - (before.get(name) ?? 0);
    return `${name} ${used.toFixed(1)} s (${((used * 1000) / operations).toFixed(2)} ms/${unit})`;
  });
  return parts.join(', ');
}
