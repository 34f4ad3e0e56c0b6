// A second cluster, laid out as kubeadm does (impl/cluster/kubeadm), for the scenarios that
// look at a control plane run as static pods.
//
// Each such scenario starts its own, beside the cluster every other scenario uses, and removes
// it when it ends. In a student edition the control-plane node's kubelet log is followed like
// any real node's (stub-reports.ts), and its control plane's pod logs are read for a stub's
// line when a wait fails; in the probe edition both logs are read before the cluster goes, so
// the marks its components printed count for the scenario.
import { createHash } from 'node:crypto';
import { unsolvedExerciseIn } from '../../exercises/catalog.js';
import { type KubeadmCluster, staticPodLogs, startKubeadmCluster } from '../../impl/cluster/kubeadm/kubeadm-cluster.js';
import { watchOwner } from '../../impl/cluster/owner-watchdog.js';
import { ControlPlaneNodeName } from '../../impl/cluster/real-nodes.js';
import { TestClusterOptions } from '../../impl/cluster/test-cluster-options.js';
import { type CommandResult, runCommand } from './commands.js';
import { eventually, SettledFailure } from './eventually.js';
import { WholeLog } from './probe-recorder.js';
import { type KubeWorld, shared } from './world.js';

/** Starting takes a node container, etcd and an API server started by a kubelet. */
export const KubeadmStartMs = 240_000;
const scenes = new WeakMap<KubeWorld, KubeadmCluster>();

/** Starts the scenario's kubeadm-style cluster (no workers); resolves once its API server answers. */
export async function startKubeadmScene(world: KubeWorld): Promise<KubeadmCluster> {
  // Named after the run's own cluster: two runs side by side (the check's slots) never collide.
  const base = world.nodes.settings.cluster;
  const name = `kubeadm-${createHash('sha256').update(base).digest('hex').slice(0, 10)}`;
  const watchdog = watchOwner(name);
  const giveUp = new AbortController();
  world.nodeNames.set(`kubeadm ${ControlPlaneNodeName}`, ControlPlaneNodeName);
  let outcome: { cluster: KubeadmCluster } | { error: Error } | undefined;
  const starting = startKubeadmCluster({
    ...TestClusterOptions,
    name,
    signal: giveUp.signal,
    onNodeStarted: (node, containerId) => shared.stubReports?.followNode(node, containerId),
  }).then(
    (cluster) => {
      outcome = { cluster };
      return cluster;
    },
    (error: unknown) => {
      outcome = { error: error instanceof Error ? error : new Error(String(error)) };
      return undefined;
    },
  );
  world.cleanups.push(async () => {
    giveUp.abort();
    const cluster = await starting;
    shared.stubReports?.unfollowNode(ControlPlaneNodeName);
    if (cluster && shared.probe) {
      shared.probe.readLog(await cluster.nodes.logs(ControlPlaneNodeName, WholeLog));
      shared.probe.readLog(await staticPodLogs(cluster.nodes, ControlPlaneNodeName, WholeLog));
    }
    await cluster?.stop();
    await watchdog.release();
  });
  const cluster = await eventually(
    () => {
      if (outcome && 'cluster' in outcome) return outcome.cluster;
      if (outcome) throw new SettledFailure(outcome.error.message);
      throw new Error(`cluster ${name} is still starting`);
    },
    { timeoutMs: KubeadmStartMs, intervalMs: 250 },
  );
  scenes.set(world, cluster);
  return cluster;
}

export function kubeadmScene(world: KubeWorld): KubeadmCluster {
  const cluster = scenes.get(world);
  if (!cluster) throw new Error('the scenario started no kubeadm-style cluster');
  return cluster;
}

/** kubectl with the kubeadm-style cluster's kubeconfig. */
export function kubectlOn(world: KubeWorld, args: string[], input?: string): Promise<CommandResult> {
  return runCommand('kubectl', ['--kubeconfig', kubeadmScene(world).kubeconfigPath, ...args], input);
}

/** A command in the control-plane node; fails with what it printed if it exits non-zero. */
export async function inControlPlaneNode(world: KubeWorld, command: string[]): Promise<string> {
  const { exitCode, output } = await kubeadmScene(world).nodes.exec(ControlPlaneNodeName, command);
  if (exitCode !== 0)
    throw new Error(`${command.join(' ')} in node ${ControlPlaneNodeName} exited ${exitCode}: ${output}`);
  return output;
}

/**
 * Throws at once (a settled failure) when a control-plane pod logged that it reached an
 * unsolved exercise: in a student edition, a wait on the control plane ends with that line.
 */
export async function failIfControlPlaneReachedStub(world: KubeWorld): Promise<void> {
  const logs = await staticPodLogs(kubeadmScene(world).nodes, ControlPlaneNodeName, WholeLog);
  const line = logs.split('\n').find((candidate) => unsolvedExerciseIn(candidate) !== undefined);
  if (line !== undefined) throw new SettledFailure(`a control-plane pod logged: ${line.trim()}`);
}
