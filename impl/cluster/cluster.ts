// "A Kubernetes cluster consists of a control plane plus a set of worker machines, called
// nodes" (kubernetes.io, Cluster Architecture).
//
// startCluster brings one up as containers on a private network, in the order of the
// component table (components.ts): etcd first, then the API server that stores into it, then
// the API server's clients side by side, each waited for until it is ready. It writes a
// kubeconfig for kubectl and a cluster.json naming etcd and the audit log (cluster-file.ts),
// and returns a handle that reads component logs, kills and restarts components, and tears
// everything down. While it runs, a component that dies is started again (supervisor.ts).
// kubelab simplifies: one etcd member, no TLS, no bootstrap tokens.
// Real Kubernetes: kubeadm init (cmd/kubeadm/app/cmd/init.go); kind for clusters in containers.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContainerRuntimeClient, GenericContainer, StartedNetwork, StartedTestContainer } from 'testcontainers';
import { createLogger } from '../client/logger.js';
import { PROJECT_DIR } from '../project-root.js';
import { removeClusterFile, writeClusterFile } from './cluster-file.js';
import { type ClusterNetwork, createClusterNetwork } from './cluster-network.js';
import type { ClusterOptions, LaunchOptions } from './cluster-options.js';
import {
  type ComponentInstance,
  ComponentInstances,
  ComponentNames,
  environmentOf,
  instanceNamed,
} from './components.js';
import { containerEngine } from './container-engine.js';
import { recentLogs } from './container-logs.js';
import {
  APISERVER_ALIAS,
  APISERVER_PORT,
  ApiServerContainer,
  StartedApiServerContainer,
} from './containers/apiserver-container.js';
import { ComponentContainer } from './containers/component-container.js';
import { ETCD_ALIAS, EtcdContainer, StartedEtcdContainer } from './containers/etcd-container.js';
import { ensureRuntimeImage } from './images.js';
import { isGone, NodeFleet } from './node-fleet.js';
import { kubeletSettings, type NodeLaunchSettings } from './node-launch.js';
import { claimClusterName, ownershipLabels, removeOwned, stopOnOwnerExit } from './ownership.js';
import { Supervisor } from './supervisor.js';

export type { ClusterOptions } from './cluster-options.js';
export { ComponentNames } from './components.js';

export const DEFAULT_CLUSTER_NAME = 'kubelab';
const CLUSTER_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;
const STOP_GRACE_MS = 5_000;
/**
 * How long a component gets to exit on SIGTERM when it is restarted. The API server answers its
 * requests in flight first (graceful-shutdown.ts), which takes milliseconds; the rest is margin.
 */
const RESTART_GRACE_MS = 10_000;
const LOG_TAIL_LINES = 200;
const KEEPALIVE_MS = 60_000;

/** A component instance's name: `scheduler`, `controller-manager-2` (components.ts). */
export type ComponentName = string;

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
  /** Start a killed component again, with its container's name, network and settings; waits until ready. */
  start(component: ComponentName): Promise<void>;
  /** Stop a component gracefully (SIGTERM) and start it again, running the code in dist/ anew. */
  restart(component: ComponentName): Promise<void>;
  /** Its real nodes: containers whose kubelet registers the Node and runs the pods. */
  readonly nodes: NodeFleet;
  /** Stop and remove every container, then the network, the kubeconfig and cluster.json. Safe to call twice. */
  stop(): Promise<void>;
}

export type { NodeOptions } from './node-launch.js';

/** A cluster's name names its containers and network: it must fit in theirs. */
export function checkClusterName(name: string): void {
  if (!CLUSTER_NAME_PATTERN.test(name)) {
    throw new Error(`startCluster: invalid cluster name "${name}": use at most 40 lowercase letters, digits and '-'`);
  }
}

/** Start a cluster and wait until its API server answers /readyz. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const name = options.name ?? DEFAULT_CLUSTER_NAME;
  const logger = options.logger ?? createLogger('cluster');
  checkClusterName(name);
  const engine = await containerEngine();
  const [image, leftovers] = await Promise.all([ensureRuntimeImage(logger), claimClusterName(engine, name)]);
  for (const leftover of leftovers) {
    logger.info('removed a leftover of a process that is gone', {
      kind: leftover.kind,
      name: leftover.name,
      ownerPid: leftover.ownerPid,
    });
  }
  const clusterNetwork = await createClusterNetwork(engine, name);
  // The cluster's files live in the bind-mounted project, where the API server writes too.
  const clusterDir = path.join(PROJECT_DIR, '.kubelab', name);
  await mkdir(clusterDir, { recursive: true });
  const auditLogPath = path.join(clusterDir, 'audit.log');
  await rm(auditLogPath, { force: true });
  const launch: LaunchOptions = { ...options, auditLogPath: options.auditLog === false ? undefined : auditLogPath };
  const containers = new Map<ComponentName, StartedTestContainer>();
  const launcher = launcherFor(name, image, clusterNetwork, containers, launch);
  await startComponents(engine, name, containers, launcher);
  const nodes = new NodeFleet(nodeLaunchSettings(name, image, clusterNetwork, launch), engine, false);
  const kubeconfigPath = path.join(clusterDir, 'kubeconfig');
  const cluster = new RunningCluster(
    name,
    engine,
    clusterNetwork.network,
    containers,
    launcher,
    nodes,
    kubeconfigPath,
    auditLogPath,
    options.handleSignals ?? true,
  );
  await cluster.writeKubeconfig();
  await cluster.supervise();
  // Beside the kubeconfig, where etcd and the audit log are: a test run given this cluster's
  // kubeconfig (KUBELAB_KUBECONFIG) can then read them too.
  await writeClusterFile(cluster, options.auditLog !== false);
  return cluster;
}

// #region start-components
/** Creates and starts one instance's container, ready when its ready line is printed. */
type Launcher = (instance: ComponentInstance) => Promise<StartedTestContainer>;

function launcherFor(
  name: string,
  image: string,
  clusterNetwork: ClusterNetwork,
  started: Map<ComponentName, StartedTestContainer>,
  options: LaunchOptions,
): Launcher {
  return async (instance) => {
    const container = containerFor(instance, image, clusterNetwork, started, options);
    // Every container finds etcd and the API server in its /etc/hosts, at fixed addresses.
    container
      .withName(`${name}-${instance.name}`)
      .withLabels(ownershipLabels(name))
      .withNetwork(clusterNetwork.network)
      .withExtraHosts(clusterNetwork.hosts);
    return container.start();
  };
}

/** How this cluster's real nodes start: the same for every node, and for any process. */
function nodeLaunchSettings(
  name: string,
  image: string,
  clusterNetwork: ClusterNetwork,
  options: LaunchOptions,
): NodeLaunchSettings {
  return {
    cluster: name,
    image,
    network: clusterNetwork.network.getName(),
    hosts: clusterNetwork.hosts,
    apiServerUrl: `http://${APISERVER_ALIAS}:${APISERVER_PORT}`,
    kubelet: kubeletSettings(options),
  };
}

async function startComponents(
  engine: ContainerRuntimeClient,
  name: string,
  started: Map<ComponentName, StartedTestContainer>,
  launch: Launcher,
): Promise<void> {
  let starting = 'etcd';
  // testcontainers reads an exited container's last logs over an unreferenced socket: this
  // timer keeps Node running until that read ends, so a failed start is reported, not lost.
  const keepalive = setInterval(() => {}, KEEPALIVE_MS);
  const start = async (instance: ComponentInstance) => {
    starting = instance.name;
    started.set(instance.name, await launch(instance));
  };
  try {
    // The store and the API server come first, one after the other: each needs the one before.
    const [builtIns, clients] = partition(ComponentInstances, (instance) => typeof instance.row.entry !== 'string');
    for (const instance of builtIns) await start(instance);
    // Then the API server's clients, which need nothing but the API server.
    await Promise.all(clients.map(start));
  } catch (error) {
    throw await failedStart(engine, name, starting, error);
  } finally {
    clearInterval(keepalive);
  }
}
// #endregion

/** The container of one instance: etcd's and the API server's are their own; every other runs its entry. */
function containerFor(
  instance: ComponentInstance,
  image: string,
  { addresses }: ClusterNetwork,
  started: Map<ComponentName, StartedTestContainer>,
  options: LaunchOptions,
): GenericContainer {
  const { row } = instance;
  const environment = environmentOf(row, options);
  if (typeof row.entry === 'string') {
    const apiServerUrl = `http://${APISERVER_ALIAS}:${APISERVER_PORT}`;
    // Its hostname is its container's name: a Lease's holderIdentity then names the replica.
    return new ComponentContainer(image, row.entry, row.readyLine, apiServerUrl, environment).withHostname(
      `${options.name ?? DEFAULT_CLUSTER_NAME}-${instance.name}`,
    );
  }
  if (row.entry.builtIn === 'etcd') return new EtcdContainer(image).withFixedAddress(addresses.etcd, ETCD_ALIAS);
  const etcd = started.get('etcd');
  if (!(etcd instanceof StartedEtcdContainer)) throw new Error('startCluster: the API server needs etcd started first');
  return new ApiServerContainer(image, etcd.getInternalClientUrl(), environment).withFixedAddress(
    addresses.apiserver,
    APISERVER_ALIAS,
  );
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

// A start that failed leaves nothing behind. What the component printed is already in the
// message (see withLogsWhenNotReady).
async function failedStart(
  engine: ContainerRuntimeClient,
  name: string,
  component: ComponentName,
  cause: unknown,
): Promise<Error> {
  await removeOwned(engine, { ownerPid: process.pid, cluster: name });
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`startCluster: ${component} of cluster "${name}" did not become ready: ${message}`, { cause });
}

class RunningCluster implements Cluster {
  private stopping: Promise<void> | undefined;
  private readonly unregister: () => void;
  private readonly supervisor: Supervisor;

  constructor(
    readonly name: string,
    private readonly engine: ContainerRuntimeClient,
    readonly network: StartedNetwork,
    private readonly containers: Map<ComponentName, StartedTestContainer>,
    private readonly launch: Launcher,
    readonly nodes: NodeFleet,
    readonly kubeconfigPath: string,
    readonly auditLogPath: string,
    handleSignals: boolean,
  ) {
    this.unregister = stopOnOwnerExit(() => this.stop(), handleSignals);
    this.supervisor = new Supervisor(engine, this, createLogger('cluster', { cluster: name }));
  }

  get etcd(): StartedEtcdContainer {
    const etcd = this.containers.get('etcd');
    if (!(etcd instanceof StartedEtcdContainer)) throw new Error('Cluster: no etcd');
    return etcd;
  }

  get apiServer(): StartedApiServerContainer {
    const apiServer = this.containers.get('apiserver');
    if (!(apiServer instanceof StartedApiServerContainer)) throw new Error('Cluster: no API server');
    return apiServer;
  }

  supervise(): Promise<void> {
    return this.supervisor.start();
  }

  /** The engine may publish the API server's port anew on each start: kubectl must follow it. */
  writeKubeconfig(): Promise<void> {
    return writeFile(this.kubeconfigPath, this.apiServer.getKubeconfig());
  }

  logs(component: ComponentName, tail: number = LOG_TAIL_LINES): Promise<string> {
    return recentLogs(this.engine, this.container(component).getId(), tail);
  }

  containerIds(): Record<ComponentName, string> {
    return Object.fromEntries(ComponentNames.map((component) => [component, this.container(component).getId()]));
  }

  async kill(component: ComponentName): Promise<void> {
    this.mustRestart(component);
    this.supervisor.holdDown(component);
    await this.engine.container.getById(this.container(component).getId()).kill();
  }

  async start(component: ComponentName): Promise<void> {
    this.supervisor.release(component);
    await this.restartContainer(component, 0);
  }

  async restart(component: ComponentName): Promise<void> {
    this.mustRestart(component);
    // Held down meanwhile: the restart's own exit is not a death to answer.
    this.supervisor.holdDown(component);
    try {
      await this.restartContainer(component, RESTART_GRACE_MS);
    } finally {
      this.supervisor.release(component);
    }
  }

  stop(): Promise<void> {
    this.stopping ??= this.removeEverything();
    return this.stopping;
  }

  private container(component: ComponentName): StartedTestContainer {
    const container = this.containers.get(instanceNamed(component).name);
    if (!container) throw new Error(`Cluster: component ${component} is not running`);
    return container;
  }

  private mustRestart(component: ComponentName): void {
    if (!instanceNamed(component).row.restartable)
      throw new Error(`Cluster: ${component} cannot be killed or restarted (its row in components.ts says so)`);
  }

  // testcontainers' restart also starts a stopped container, then waits for the ready line. When
  // the ready line never comes (code that cannot start, as a learner's save may be), it removes
  // the container: the next restart then creates it anew, running whatever dist/ holds by then.
  private async restartContainer(component: ComponentName, graceMs: number): Promise<void> {
    try {
      await this.container(component).restart({ timeout: graceMs });
    } catch (error) {
      if (!isGone(error)) throw error;
      this.containers.set(component, await this.launch(instanceNamed(component)));
    }
    this.supervisor.started(component);
    if (component === 'apiserver') await this.writeKubeconfig();
  }

  // Components stop in reverse start order, each given a grace period to exit on SIGTERM (and
  // write its coverage). One failure does not keep the rest from being removed.
  private async removeEverything(): Promise<void> {
    await this.supervisor.stop();
    const failures: unknown[] = [];
    // The nodes first, as a cluster is taken down: their kubelets would only miss the API server.
    await this.nodes.removeAll().catch((error: unknown) => failures.push(error));
    for (const container of [...this.containers.values()].reverse()) {
      // One that never became ready after a restart is gone already (restartContainer).
      await container.stop({ timeout: STOP_GRACE_MS }).catch((error: unknown) => {
        if (!isGone(error)) failures.push(error);
      });
    }
    // Then what other processes added to it (their nodes: node-fleet.ts), and the network.
    await removeOwned(this.engine, { cluster: this.name }).catch((error: unknown) => failures.push(error));
    await rm(this.kubeconfigPath, { force: true });
    await removeClusterFile(this.kubeconfigPath);
    if (failures.length > 0) {
      // Still registered: the owner's exit hook gets one more try at what is left.
      throw new AggregateError(failures, `Cluster.stop: could not remove everything of cluster "${this.name}"`);
    }
    this.unregister();
  }
}
