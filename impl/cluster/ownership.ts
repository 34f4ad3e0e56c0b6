// Whatever kubelab starts, kubelab removes: every container and network carries its cluster
// name and the pid of the process that owns it.
//
// Model: a cluster belongs to one process (`npm start`, or the test run). When that process
// stops cleanly it removes its cluster; on SIGINT or SIGTERM it does so from a signal handler,
// and if it exits with a cluster still up, a short-lived helper (reap-main.ts) removes it, as
// testcontainers' Ryuk would. All of that is best effort: a process killed with SIGKILL runs no
// code, so every start first removes what dead owners left behind, and `npm start` keeps a
// watchdog beside it that removes its cluster when it dies (owner-watchdog.ts). kubelab
// simplifies by trusting pids on this machine: a reused pid keeps an orphan alive until the next
// start after that process ends. Real Kubernetes: owner references and the garbage collector
// (pkg/controller/garbagecollector) play this role for API objects, not for machines.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContainerRuntimeClient } from 'testcontainers';

export const CLUSTER_LABEL = 'kubelab.cluster';
export const OWNER_PID_LABEL = 'kubelab.owner-pid';
const REAP_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reap-main.js');
const REAP_TIMEOUT_MS = 30_000;
const SIGNAL_EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/** A container or network that kubelab created, as the engine lists it. */
export interface OwnedResource {
  kind: 'container' | 'network';
  id: string;
  name: string;
  cluster: string;
  ownerPid: number;
}

type StopCluster = () => Promise<void>;

/** The labels that mark a container or network as part of `clusterName`, owned by this process. */
export function ownershipLabels(clusterName: string): Record<string, string> {
  return { [CLUSTER_LABEL]: clusterName, [OWNER_PID_LABEL]: String(process.pid) };
}

/**
 * Remove everything whose owner process is gone, then make sure no live process (this one
 * included) runs a cluster called `clusterName`. Returns what was removed.
 */
export async function claimClusterName(engine: ContainerRuntimeClient, clusterName: string): Promise<OwnedResource[]> {
  const owned = await listOwned(engine);
  const orphans = owned.filter((resource) => !isProcessAlive(resource.ownerPid));
  await removeResources(engine, orphans);
  const holder = owned.find((resource) => resource.cluster === clusterName && isProcessAlive(resource.ownerPid));
  if (holder !== undefined) {
    throw new Error(
      `startCluster: cluster "${clusterName}" is already running ` +
        `(${holder.kind} ${holder.name}, owned by process ${holder.ownerPid}); stop it or choose another name`,
    );
  }
  return orphans;
}

/**
 * Which resources to remove: those of one owner process, optionally of one cluster only; or
 * every one of a cluster, whoever owns it (a cluster that stops takes the nodes other
 * processes added to it along: node-fleet.ts).
 */
export type OwnerSelector = { ownerPid: number; cluster?: string } | { ownerPid?: undefined; cluster: string };

/** Remove every container and network that matches `selector`, its owner alive or not. */
export async function removeOwned(engine: ContainerRuntimeClient, selector: OwnerSelector): Promise<OwnedResource[]> {
  const owned = (await listOwned(engine)).filter(
    (resource) =>
      (selector.ownerPid === undefined || resource.ownerPid === selector.ownerPid) &&
      (selector.cluster === undefined || resource.cluster === selector.cluster),
  );
  await removeResources(engine, owned);
  return owned;
}

// #region owner-exit
const runningClusters = new Set<StopCluster>();
let areHooksInstalled = false;
let isStoppingOnSignal = false;

/**
 * Stop the cluster when this process is interrupted or exits. Signal handlers are installed
 * only when `handleSignals` is true (a caller with its own handlers passes false); the exit hook
 * always is. Returns the function that unregisters the cluster once it is stopped.
 */
export function stopOnOwnerExit(stop: StopCluster, handleSignals: boolean): () => void {
  runningClusters.add(stop);
  if (!areHooksInstalled) {
    areHooksInstalled = true;
    process.on('exit', reapOnExit);
  }
  if (handleSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      if (!process.listeners(signal).includes(stopAllOnSignal)) process.on(signal, stopAllOnSignal);
    }
  }
  return () => runningClusters.delete(stop);
}

// The first signal stops every cluster, then exits; a second one exits at once, and the exit
// hook removes whatever had not stopped yet.
function stopAllOnSignal(signal: NodeJS.Signals): void {
  const exitCode = SIGNAL_EXIT_CODES[signal as keyof typeof SIGNAL_EXIT_CODES] ?? 1;
  if (isStoppingOnSignal) process.exit(exitCode);
  isStoppingOnSignal = true;
  void Promise.allSettled([...runningClusters].map((stop) => stop())).then(() => process.exit(exitCode));
}

// 'exit' handlers cannot wait for promises, so a child process does the removal synchronously.
function reapOnExit(): void {
  if (runningClusters.size === 0) return;
  spawnSync(process.execPath, [REAP_MAIN, String(process.pid)], { stdio: 'inherit', timeout: REAP_TIMEOUT_MS });
}
// #endregion

async function listOwned(engine: ContainerRuntimeClient): Promise<OwnedResource[]> {
  const docker = engine.container.dockerode;
  const filters = { label: [OWNER_PID_LABEL] };
  const [containers, networks] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
  ]);
  return [
    ...containers.map((c) => toOwned('container', c.Id, c.Names[0]?.replace(/^\//, '') ?? c.Id, c.Labels)),
    ...networks.map((n) => toOwned('network', n.Id, n.Name, n.Labels ?? {})),
  ];
}

async function removeResources(engine: ContainerRuntimeClient, resources: OwnedResource[]): Promise<void> {
  const docker = engine.container.dockerode;
  const byKind = (kind: OwnedResource['kind']) => resources.filter((resource) => resource.kind === kind);
  await Promise.all(
    byKind('container').map((c) => ignoreNotFound(docker.getContainer(c.id).remove({ force: true, v: true }), c)),
  );
  await Promise.all(byKind('network').map((n) => ignoreNotFound(docker.getNetwork(n.id).remove(), n)));
}

async function ignoreNotFound(removal: Promise<unknown>, resource: OwnedResource): Promise<void> {
  try {
    await removal;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return;
    throw new Error(`removing ${resource.kind} ${resource.name} of cluster "${resource.cluster}": ${String(error)}`);
  }
}

function toOwned(kind: OwnedResource['kind'], id: string, name: string, labels: Record<string, string>): OwnedResource {
  return { kind, id, name, cluster: labels[CLUSTER_LABEL] ?? '', ownerPid: Number(labels[OWNER_PID_LABEL]) };
}

/**
 * Whether a process can still act as an owner. A pid that is not a positive integer belongs
 * to nobody; a zombie (killed, not yet reaped by its parent) runs no code, so it is dead too.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

// /proc/<pid>/stat is "pid (command) state ..."; without /proc (not Linux), trust kill(pid, 0).
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
