// kubelab's container runtime: a pod sandbox is a network namespace, a container a process in it.
//
// "Containers of a pod share its network namespace: they reach each other on localhost." Here
// that is literal. runPodSandbox makes the namespace (bridge-network.ts); startContainer runs
// the image's program with `ip netns exec <netns> node <program> <args>` (a pod on the host's
// network has no namespace: its programs run as the node's own processes), its own process
// group, each line it prints appended to its log file as a CRI line (cri-log.ts). When the
// process exits, the container is EXITED with the exit code (128 + the signal's number when a
// signal killed it, as runc reports it), and `onExit` tells the kubelet, as containerd's
// events do.
//
// kubelab simplifies: no images unpacked, no mount, PID or UTS namespaces, no cgroups; the
// processes share the node's filesystem. It lives in the runtime's own process (main.ts), not
// the kubelet's, so a kubelet that restarts finds it as it was.
// Real Kubernetes: containerd's CRI plugin, runc (github.com/containerd/containerd/internal/cri/server).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:os';
import type {
  Attachment,
  ContainerConfig,
  ContainerStatus,
  PodSandboxConfig,
  PodSandboxStatus,
  RuntimeService,
} from '../cri/runtime-service.js';
import { findImage } from '../images/catalogue.js';
import type { BridgeNetwork } from '../network/bridge-network.js';
import { inNetns } from '../network/commands.js';
import { criLine, LineSplitter, type LogStream } from './cri-log.js';

/** Someone attached to a container's output (kubectl attach). */
type OutputListener = (stream: LogStream, chunk: Buffer) => void;

interface Container {
  status: ContainerStatus;
  config: ContainerConfig;
  process?: ChildProcess;
  exited?: Promise<void>;
  attached: Set<OutputListener>;
}

export class ProcessRuntime implements RuntimeService {
  private readonly sandboxes = new Map<string, PodSandboxStatus>();
  private readonly containers = new Map<string, Container>();

  constructor(
    /** The pod network, once the kubelet has said the node's podCIDR (runtime-server.ts). */
    private readonly network: () => BridgeNetwork | undefined,
    /** Called when a container's process exits: the kubelet then syncs its pod again. */
    private readonly onExit: (status: ContainerStatus) => void,
  ) {}

  async runPodSandbox(config: PodSandboxConfig): Promise<string> {
    const id = newId();
    if (config.hostNetwork) {
      this.sandboxes.set(id, { id, config, state: 'SANDBOX_READY', ip: '', netns: '', createdAt: new Date() });
      return id;
    }
    const network = this.network();
    // As containerd answers while the network plugin is not ready ("cni config uninitialized").
    if (!network) throw new Error('network not ready: the runtime has no pod CIDR yet');
    const netns = `cni-${id}`;
    const ip = await network.add(netns, id);
    this.sandboxes.set(id, { id, config, state: 'SANDBOX_READY', ip, netns, createdAt: new Date() });
    return id;
  }

  async stopPodSandbox(sandboxId: string): Promise<void> {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox) return;
    await Promise.all(this.listContainers({ sandboxId }).map((container) => this.stopContainer(container.id, 0)));
    if (sandbox.netns !== '') await this.network()?.remove(sandbox.netns, sandbox.ip);
    this.sandboxes.set(sandboxId, { ...sandbox, state: 'SANDBOX_NOTREADY' });
  }

  async removePodSandbox(sandboxId: string): Promise<void> {
    await this.stopPodSandbox(sandboxId);
    for (const container of this.listContainers({ sandboxId })) this.containers.delete(container.id);
    this.sandboxes.delete(sandboxId);
  }

  podSandboxStatus(sandboxId: string): PodSandboxStatus | undefined {
    return this.sandboxes.get(sandboxId);
  }

  listPodSandboxes(): PodSandboxStatus[] {
    return [...this.sandboxes.values()];
  }

  async createContainer(sandboxId: string, config: ContainerConfig): Promise<string> {
    if (!this.sandboxes.has(sandboxId)) throw new Error(`createContainer: no sandbox ${sandboxId}`);
    if (!findImage(config.image)) throw new Error(`createContainer: image "${config.image}" is not on this node`);
    const id = newId();
    const status: ContainerStatus = {
      id,
      sandboxId,
      name: config.name,
      attempt: config.attempt,
      image: config.image,
      state: 'CONTAINER_CREATED',
      createdAt: new Date(),
      logPath: config.logPath,
    };
    this.containers.set(id, { status, config, attached: new Set() });
    return id;
  }

  // #region start-container
  async startContainer(containerId: string): Promise<void> {
    const container = this.mustFind(containerId);
    const sandbox = this.sandboxes.get(container.status.sandboxId);
    const image = findImage(container.config.image);
    if (!sandbox || !image) throw new Error(`startContainer: container ${containerId} has no sandbox or image`);
    const argv = commandLine(container.config, image.entrypoint);
    mkdirSync(path.dirname(container.config.logPath), { recursive: true });
    const log = createWriteStream(container.config.logPath, { flags: 'a' });
    // Its own process group (detached), so that a stop reaches whatever it started too.
    const [command = '', ...args] = inNetns(sandbox.netns, argv);
    const child = spawn(command, args, {
      detached: true,
      env: container.config.env,
      stdio: [container.config.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    // A container whose input is kept open may exit before a write to it: no crash for that.
    child.stdin?.on('error', () => undefined);
    let open = 2;
    const logStream = (stream: LogStream, output: NodeJS.ReadableStream | null) => {
      const lines = new LineSplitter((content) => log.write(criLine(new Date(), stream, content)));
      output?.setEncoding('utf8');
      output?.on('data', (chunk: string) => {
        lines.push(chunk);
        for (const listener of container.attached) listener(stream, Buffer.from(chunk));
      });
      output?.on('close', () => {
        lines.end();
        if (--open === 0) log.end();
      });
    };
    logStream('stdout', child.stdout);
    logStream('stderr', child.stderr);
    container.process = child;
    container.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exited(container, code, signal);
        resolve();
      });
      child.once('error', () => {
        this.exited(container, 128, null);
        resolve();
      });
    });
    container.status = { ...container.status, state: 'CONTAINER_RUNNING', pid: child.pid, startedAt: new Date() };
  }
  // #endregion start-container

  async stopContainer(containerId: string, timeoutSeconds: number): Promise<void> {
    const container = this.containers.get(containerId);
    if (!container?.process || container.status.state !== 'CONTAINER_RUNNING') return;
    const group = -(container.process.pid ?? 0);
    signalGroup(group, timeoutSeconds > 0 ? 'SIGTERM' : 'SIGKILL');
    const killAfterGrace = setTimeout(() => signalGroup(group, 'SIGKILL'), timeoutSeconds * 1000);
    await container.exited;
    clearTimeout(killAfterGrace);
  }

  async removeContainer(containerId: string): Promise<void> {
    await this.stopContainer(containerId, 0);
    this.containers.delete(containerId);
  }

  containerStatus(containerId: string): ContainerStatus | undefined {
    return this.containers.get(containerId)?.status;
  }

  listContainers(filter: { sandboxId?: string } = {}): ContainerStatus[] {
    const all = [...this.containers.values()].map((container) => container.status);
    return filter.sandboxId === undefined ? all : all.filter((status) => status.sandboxId === filter.sandboxId);
  }

  attach(containerId: string, output: OutputListener): Attachment | undefined {
    const container = this.containers.get(containerId);
    if (!container?.process || !container.exited || container.status.state !== 'CONTAINER_RUNNING') return undefined;
    container.attached.add(output);
    return {
      stdin: container.process.stdin ?? undefined,
      exited: container.exited,
      detach: () => container.attached.delete(output),
    };
  }

  private exited(container: Container, code: number | null, signal: NodeJS.Signals | null): void {
    if (container.status.state === 'CONTAINER_EXITED') return;
    const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
    const reason = exitCode === 0 ? 'Completed' : 'Error';
    container.status = { ...container.status, state: 'CONTAINER_EXITED', exitCode, reason, finishedAt: new Date() };
    this.onExit(container.status);
  }

  private mustFind(containerId: string): Container {
    const container = this.containers.get(containerId);
    if (!container) throw new Error(`no container ${containerId}`);
    return container;
  }
}

/**
 * What runs: `command` replaces the image's entrypoint (such as `node <program>`) and `args`
 * its arguments, as in a Pod's container spec.
 */
export function commandLine(
  config: Pick<ContainerConfig, 'command' | 'args'>,
  imageEntrypoint: readonly string[],
): string[] {
  const entrypoint = config.command.length > 0 ? config.command : imageEntrypoint;
  return [...entrypoint, ...config.args];
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // Already gone.
  }
}

function newId(): string {
  return randomBytes(16).toString('hex');
}
