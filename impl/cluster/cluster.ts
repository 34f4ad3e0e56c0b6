// "A Kubernetes cluster consists of a control plane plus a set of worker machines, called
// nodes" (kubernetes.io, Cluster Architecture).
//
// startCluster brings one up as containers on a private network: etcd first, then the API
// server that stores into it, each waited for until it answers. It writes a kubeconfig for
// kubectl and a cluster.json naming etcd and the audit log (cluster-file.ts), and returns a
// handle that reads component logs and tears everything down. Adding a component is one file
// in containers/ plus one line in `startComponents` and one field in `Components`. kubelab
// simplifies: one etcd member, no TLS, no bootstrap tokens.
// Real Kubernetes: kubeadm init (cmd/kubeadm/app/cmd/init.go); kind for clusters in containers.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContainerRuntimeClient, GenericContainer, StartedNetwork } from 'testcontainers';
import { createLogger, type Logger } from '../client/logger.js';
import { removeClusterFile, writeClusterFile } from './cluster-file.js';
import { type ClusterNetwork, createClusterNetwork } from './cluster-network.js';
import { PROJECT_DIR } from './component-process.js';
import { containerEngine } from './container-engine.js';
import { recentLogs } from './container-logs.js';
import { APISERVER_ALIAS, APISERVER_PORT, ApiServerContainer, type StartedApiServerContainer } from './containers/apiserver-container.js';
import { ComponentContainer, type StartedComponentContainer } from './containers/component-container.js';
import { ETCD_ALIAS, EtcdContainer, type StartedEtcdContainer } from './containers/etcd-container.js';
import { ensureRuntimeImage } from './images.js';
import { claimClusterName, ownershipLabels, removeOwned, stopOnOwnerExit } from './ownership.js';

export const DEFAULT_CLUSTER_NAME = 'kubelab';
const CLUSTER_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_LINES = 200;
const KEEPALIVE_MS = 60_000;

/** The running components, in start order. */
export interface Components {
  etcd: StartedEtcdContainer;
  apiserver: StartedApiServerContainer;
  scheduler: StartedComponentContainer;
  /** Two replicas of the controller manager; the one holding the Lease acts. */
  'controller-manager': StartedComponentContainer;
  'controller-manager-2': StartedComponentContainer;
  'node-agent': StartedComponentContainer;
}

export type ComponentName = keyof Components;

/** Every component of a cluster, in start order. */
export const ComponentNames: readonly ComponentName[] = [
  'etcd',
  'apiserver',
  'scheduler',
  'controller-manager',
  'controller-manager-2',
  'node-agent',
];

export interface ClusterOptions {
  /** Names the containers (`<name>-etcd`), the network and the kubeconfig folder. */
  name?: string;
  /** Stop the cluster on SIGINT/SIGTERM, then exit 130/143. Pass false to handle signals yourself. */
  handleSignals?: boolean;
  /** How often the API server compacts etcd (its --etcd-compaction-interval); its own default if unset. */
  etcdCompactionIntervalSeconds?: number;
  /** Log every API request (the default), or only writes and failures (for benchmarks). */
  logAllRequests?: boolean;
  /** Write the API server's audit log (the default); benchmarks turn it off. */
  auditLog?: boolean;
  /** Where progress lines go (leftovers removed, image built); a `cluster` logger on stderr by default. */
  logger?: Logger;
  /**
   * Node lifecycle timings, shortened in tests: how long a node may go without a heartbeat
   * (the controller manager's --node-monitor-grace-period, 50 s), how often the node agent
   * renews its Leases (the kubelet's 10 s), and how long pods tolerate a dead node by default
   * (the API server's DefaultTolerationSeconds, 300 s).
   */
  nodeMonitorGracePeriodSeconds?: number;
  nodeLeaseRenewIntervalSeconds?: number;
  defaultTolerationSeconds?: number;
  /**
   * Pod garbage collection timings, shortened in tests: how often the pod garbage collector
   * checks (20 s) and how long a node must be missing before its pods go (40 s).
   */
  podGcCheckPeriodSeconds?: number;
  podGcQuarantineSeconds?: number;
  /**
   * The controller managers' leader election, shortened in tests: how long a Lease lasts
   * unrenewed (15 s), how long a leader keeps trying to renew before it stops (10 s), and how
   * often replicas try (2 s).
   */
  leaderElection?: { leaseDurationSeconds: number; renewDeadlineSeconds: number; retryPeriodSeconds: number };
}

export interface Cluster {
  readonly name: string;
  readonly etcd: StartedEtcdContainer;
  readonly apiServer: StartedApiServerContainer;
  readonly network: StartedNetwork;
  /** `<project>/.kubelab/<name>/kubeconfig`, for `kubectl --kubeconfig`. */
  readonly kubeconfigPath: string;
  /** `<project>/.kubelab/<name>/audit.log`: the API server's audit log, one JSON event per line. */
  readonly auditLogPath: string;
  /** The last lines a component printed, for attaching to a failed scenario. */
  logs(component: ComponentName, tail?: number): Promise<string>;
  /** Each component's container id, as the container engine knows it (for following its log). */
  containerIds(): Record<ComponentName, string>;
  /** Kill a component's process at once (SIGKILL), as a crash would; it stays down until start(). */
  kill(component: ComponentName): Promise<void>;
  /** Start a killed component again, with its container's name, network and settings. */
  start(component: ComponentName): Promise<void>;
  /** Stop and remove every container, then the network, the kubeconfig and cluster.json. Safe to call twice. */
  stop(): Promise<void>;
}

/** Start a cluster and wait until its API server answers /readyz. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const name = options.name ?? DEFAULT_CLUSTER_NAME;
  const logger = options.logger ?? createLogger('cluster');
  if (!CLUSTER_NAME_PATTERN.test(name)) {
    throw new Error(`startCluster: invalid cluster name "${name}": use at most 40 lowercase letters, digits and '-'`);
  }
  const engine = await containerEngine();
  const [image, leftovers] = await Promise.all([ensureRuntimeImage(logger), claimClusterName(engine, name)]);
  for (const leftover of leftovers) {
    logger.info('removed a leftover of a process that is gone', { kind: leftover.kind, name: leftover.name, ownerPid: leftover.ownerPid });
  }
  const clusterNetwork = await createClusterNetwork(engine, name);
  const { network } = clusterNetwork;
  // The cluster's files live in the bind-mounted project, where the API server writes too.
  const clusterDir = path.join(PROJECT_DIR, '.kubelab', name);
  await mkdir(clusterDir, { recursive: true });
  const auditLogPath = path.join(clusterDir, 'audit.log');
  await rm(auditLogPath, { force: true });
  const components = await startComponents(engine, name, image, clusterNetwork, { ...options, auditLogPath: options.auditLog === false ? undefined : auditLogPath });
  const kubeconfigPath = path.join(clusterDir, 'kubeconfig');
  await writeFile(kubeconfigPath, components.apiserver.getKubeconfig());
  const cluster = new RunningCluster(name, engine, network, components, kubeconfigPath, auditLogPath, options.handleSignals ?? true);
  // Beside the kubeconfig, where etcd and the audit log are: a test run given this cluster's
  // kubeconfig (KUBELAB_KUBECONFIG) can then read them too.
  await writeClusterFile(cluster, options.auditLog !== false);
  return cluster;
}

// #region start-components
async function startComponents(
  engine: ContainerRuntimeClient,
  name: string,
  image: string,
  { network, addresses, hosts }: ClusterNetwork,
  options: ClusterOptions & { auditLogPath?: string },
): Promise<Components> {
  let starting: ComponentName = 'etcd';
  // Every container finds etcd and the API server in its /etc/hosts, at fixed addresses.
  const place = <T extends GenericContainer>(component: ComponentName, container: T): T => {
    starting = component;
    return container.withName(`${name}-${component}`).withLabels(ownershipLabels(name)).withNetwork(network).withExtraHosts(hosts);
  };
  // testcontainers reads an exited container's last logs over an unreferenced socket: this
  // timer keeps Node running until that read ends, so a failed start is reported, not lost.
  const keepalive = setInterval(() => {}, KEEPALIVE_MS);
  try {
    // The store comes first: the API server is only ready once it can read and write etcd.
    const etcd = await place('etcd', new EtcdContainer(image).withFixedAddress(addresses.etcd, ETCD_ALIAS)).start();
    const apiserverContainer = new ApiServerContainer(image, etcd.getInternalClientUrl()).withFixedAddress(addresses.apiserver, APISERVER_ALIAS);
    if (options.etcdCompactionIntervalSeconds !== undefined) {
      apiserverContainer.withEtcdCompactionInterval(options.etcdCompactionIntervalSeconds);
    }
    if (options.logAllRequests === false) apiserverContainer.withRequestLogging(false);
    if (options.auditLogPath) apiserverContainer.withAuditLog(options.auditLogPath);
    if (options.defaultTolerationSeconds !== undefined) apiserverContainer.withDefaultTolerationSeconds(options.defaultTolerationSeconds);
    const apiserver = await place('apiserver', apiserverContainer).start();
    // Then the API server's clients, which need nothing but the API server.
    const apiServerUrl = `http://${APISERVER_ALIAS}:${APISERVER_PORT}`;
    const controllerEnvironment = environment({
      NODE_MONITOR_GRACE_PERIOD_SECONDS: options.nodeMonitorGracePeriodSeconds,
      POD_GC_CHECK_PERIOD_SECONDS: options.podGcCheckPeriodSeconds,
      POD_GC_QUARANTINE_SECONDS: options.podGcQuarantineSeconds,
      LEADER_ELECT_LEASE_DURATION_SECONDS: options.leaderElection?.leaseDurationSeconds,
      LEADER_ELECT_RENEW_DEADLINE_SECONDS: options.leaderElection?.renewDeadlineSeconds,
      LEADER_ELECT_RETRY_PERIOD_SECONDS: options.leaderElection?.retryPeriodSeconds,
    });
    // Each replica's hostname is its container's name, so the Lease's holderIdentity names it.
    const controllerManager = (component: 'controller-manager' | 'controller-manager-2') =>
      place(component, new ComponentContainer(image, 'controllers', apiServerUrl, controllerEnvironment).withRestartAlways().withHostname(`${name}-${component}`)).start();
    const leaseRenewInterval = String(options.nodeLeaseRenewIntervalSeconds ?? 10);
    const [scheduler, controllerManager1, controllerManager2, nodeAgent] = await Promise.all([
      place('scheduler', new ComponentContainer(image, 'scheduler', apiServerUrl)).start(),
      controllerManager('controller-manager'),
      controllerManager('controller-manager-2'),
      place('node-agent', new ComponentContainer(image, 'kubelet/simulated', apiServerUrl, { LEASE_RENEW_INTERVAL_SECONDS: leaseRenewInterval })).start(),
    ]);
    return { etcd, apiserver, scheduler, 'controller-manager': controllerManager1, 'controller-manager-2': controllerManager2, 'node-agent': nodeAgent };
  } catch (error) {
    throw await failedStart(engine, name, starting, error);
  } finally {
    clearInterval(keepalive);
  }
}
// #endregion

/** Environment variables for the options that were given; the component's defaults for the rest. */
function environment(values: Record<string, number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
}

// A start that failed leaves nothing behind. What the component printed is already in the
// message (see withLogsWhenNotReady).
async function failedStart(engine: ContainerRuntimeClient, name: string, component: ComponentName, cause: unknown): Promise<Error> {
  await removeOwned(engine, { ownerPid: process.pid, cluster: name });
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`startCluster: ${component} of cluster "${name}" did not become ready: ${message}`, { cause });
}

class RunningCluster implements Cluster {
  private stopping: Promise<void> | undefined;
  private readonly unregister: () => void;

  constructor(
    readonly name: string,
    private readonly engine: ContainerRuntimeClient,
    readonly network: StartedNetwork,
    private readonly components: Components,
    readonly kubeconfigPath: string,
    readonly auditLogPath: string,
    handleSignals: boolean,
  ) {
    this.unregister = stopOnOwnerExit(() => this.stop(), handleSignals);
  }

  get etcd(): StartedEtcdContainer {
    return this.components.etcd;
  }

  get apiServer(): StartedApiServerContainer {
    return this.components.apiserver;
  }

  logs(component: ComponentName, tail: number = LOG_TAIL_LINES): Promise<string> {
    return recentLogs(this.engine, this.components[component].getId(), tail);
  }

  containerIds(): Record<ComponentName, string> {
    const ids = ComponentNames.map((component) => [component, this.components[component].getId()]);
    return Object.fromEntries(ids) as Record<ComponentName, string>;
  }

  async kill(component: ComponentName): Promise<void> {
    // etcd keeps its data on a tmpfs, and the API server's published port may change on a
    // start: those two restart only through restartComponent (restart.ts).
    if (component === 'etcd' || component === 'apiserver') throw new Error(`Cluster.kill: ${component} cannot be killed and started again; use restartComponent`);
    await this.engine.container.getById(this.components[component].getId()).kill();
  }

  async start(component: ComponentName): Promise<void> {
    await this.engine.container.start(this.engine.container.getById(this.components[component].getId()));
  }

  stop(): Promise<void> {
    this.stopping ??= this.removeEverything();
    return this.stopping;
  }

  // Components stop in reverse start order, each given a grace period to exit on SIGTERM (and
  // write its coverage). One failure does not keep the rest from being removed.
  private async removeEverything(): Promise<void> {
    const failures: unknown[] = [];
    for (const container of Object.values(this.components).reverse()) {
      await container.stop({ timeout: STOP_GRACE_MS }).catch((error: unknown) => failures.push(error));
    }
    await this.network.stop().catch((error: unknown) => failures.push(error));
    await rm(this.kubeconfigPath, { force: true });
    await removeClusterFile(this.kubeconfigPath);
    if (failures.length > 0) {
      // Still registered: the owner's exit hook gets one more try at what is left.
      throw new AggregateError(failures, `Cluster.stop: could not remove everything of cluster "${this.name}"`);
    }
    this.unregister();
  }
}
