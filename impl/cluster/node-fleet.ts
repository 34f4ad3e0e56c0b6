// A cluster's real nodes, as containers: add one, look inside it, take it away.
//
// The process that started the cluster has a fleet (Cluster.nodes), and so can any process
// that reads the cluster's node settings from cluster.json (node-launch.ts): a test run pointed
// at a running cluster adds the nodes its scenarios need, and removes them when each ends. The
// nodes one process adds belong to it; if it dies first, its exit hook takes them down.
// Real Kubernetes: machines join and leave a cluster on their own; kind adds node containers.
import type { ContainerRuntimeClient, StartedTestContainer } from 'testcontainers';
import { recentLogs } from './container-logs.js';
import { launchNode, type NodeLaunchSettings, type NodeOptions } from './node-launch.js';
import { stopOnOwnerExit } from './ownership.js';

/** A node's name is its container's hostname too: a DNS label. */
const NodeNamePattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const StopGraceMs = 5_000;
const LogTailLines = 200;

export class NodeFleet {
  private readonly nodes = new Map<string, StartedTestContainer>();
  private unregister: (() => void) | undefined;

  /**
   * `removeOnExit`: whether this fleet removes its nodes itself when the process exits; a
   * cluster's own fleet needs not, the cluster's exit hook removes everything.
   */
  constructor(
    readonly settings: NodeLaunchSettings,
    private readonly engine: ContainerRuntimeClient,
    private readonly removeOnExit: boolean,
  ) {}

  /** Starts a real node: a container whose kubelet registers the Node itself; resolves once it runs. */
  async add(node: string, options: NodeOptions = {}): Promise<void> {
    if (this.nodes.has(node)) throw new Error(`NodeFleet: node ${node} is running already`);
    if (!NodeNamePattern.test(node)) throw new Error(`NodeFleet: invalid node name "${node}"`);
    if (this.removeOnExit) this.unregister ??= stopOnOwnerExit(() => this.removeAll(), true);
    this.nodes.set(node, await launchNode(this.settings, node, options));
  }

  /** Stops and removes a node's container; its Node object stays, as a dead machine's does. */
  async remove(node: string): Promise<void> {
    const container = this.nodes.get(node);
    this.nodes.delete(node);
    await container?.stop({ timeout: StopGraceMs }).catch((error: unknown) => {
      if (!isGone(error)) throw error;
    });
  }

  /**
   * Stops a node's container and starts it again, as a machine reboots: every process of it
   * ends, and its init starts the runtime and the kubelet anew; resolves once the kubelet runs.
   */
  async restart(node: string): Promise<void> {
    await this.node(node).restart({ timeout: StopGraceMs });
  }

  /** Every node this fleet started, one after the other: a kubelet asked to stop exits at once. */
  async removeAll(): Promise<void> {
    for (const node of [...this.nodes.keys()]) await this.remove(node);
    this.unregister?.();
    this.unregister = undefined;
  }

  names(): string[] {
    return [...this.nodes.keys()];
  }

  /** The node's container id, as the engine knows it (for following its log). */
  containerId(node: string): string {
    return this.node(node).getId();
  }

  /** Runs a command in a node's container (`docker exec`), as a person on the node would. */
  async exec(node: string, command: string[]): Promise<{ exitCode: number; output: string }> {
    const { exitCode, output } = await this.node(node).exec(command);
    return { exitCode, output };
  }

  /** The last lines a node's kubelet printed (`docker logs`). */
  logs(node: string, tail: number = LogTailLines): Promise<string> {
    return recentLogs(this.engine, this.node(node).getId(), tail);
  }

  /** `http://<loopback>:<port>` for a port the node publishes (NodeOptions.publishedPorts). */
  localUrl(node: string, port: number): string {
    const container = this.node(node);
    return `http://${container.getHost()}:${container.getMappedPort(port)}`;
  }

  /** Writes a file into a node's container (`docker cp`), replacing any file of that path. */
  async writeFile(node: string, path: string, content: string): Promise<void> {
    await this.node(node).copyContentToContainer([{ content, target: path }]);
  }

  private node(node: string): StartedTestContainer {
    const container = this.nodes.get(node);
    const names = this.names().join(', ') || 'none';
    if (!container) throw new Error(`NodeFleet: there is no real node "${node}"; the real nodes are ${names}`);
    return container;
  }
}

/** The engine's answer about a container that no longer exists. */
export function isGone(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}
