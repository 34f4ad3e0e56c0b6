// The kubelet's side of the socket: a RuntimeService whose runtime is another process.
//
// The kubelet keeps what the runtime has in memory, as the real kubelet's pod cache keeps
// what its relists found (the PLEG): the runtime's state once at the start, then each change
// from its event stream. Reads come from that copy, at once; a call waits until the copy has
// caught up with the revision its answer names, so the kubelet sees what it just did. A
// container the events show exited is reported to `onExit`, as the PLEG reports it. A kubelet
// that starts again reads the same runtime, so it finds the sandboxes and containers it had.
// Real Kubernetes: pkg/kubelet/cri/remote (the gRPC client), pkg/kubelet/pleg (the relists
// and the event-based PLEG), pkg/kubelet/container/cache.go.
import { type IncomingMessage, request } from 'node:http';
import { createInterface } from 'node:readline';
import type {
  Attachment,
  ContainerConfig,
  ContainerStatus,
  PodSandboxConfig,
  PodSandboxStatus,
  RuntimeService,
} from './runtime-service.js';
import {
  AttachPath,
  EventsPath,
  FrameReader,
  type RuntimeCall,
  type RuntimeEvent,
  type RuntimeState,
  reviveDates,
  StatePath,
} from './runtime-wire.js';

/** How long a call's answer may wait for its events before the stream counts as broken. */
const CatchUpMs = 10_000;

export class RemoteRuntime implements RuntimeService {
  private readonly sandboxes = new Map<string, PodSandboxStatus>();
  private readonly containers = new Map<string, ContainerStatus>();
  /** The revision of what the copy holds of each sandbox and container (and of each removal). */
  private readonly revisions = new Map<string, number>();
  private revision = 0;
  private readonly waiters = new Set<{ revision: number; resolve: () => void }>();

  constructor(
    private readonly socketPath: string,
    /** A container the runtime reports exited: the kubelet syncs its pod again. */
    private readonly onExit: (status: ContainerStatus) => void,
    /** The event stream ended: the runtime is gone, and this copy can no longer be trusted. */
    private readonly onLost: (reason: string) => void,
  ) {}

  /** Follow the runtime's events, then read its state: nothing that changes between is missed. */
  async connect(): Promise<void> {
    const events = await this.get(EventsPath);
    const lost = (reason: string) => () => this.onLost(reason);
    events.once('end', lost('the runtime closed its event stream')).once('error', lost('the event stream failed'));
    createInterface({ input: events, crlfDelay: Infinity }).on('line', (line) => {
      if (line !== '') this.apply(JSON.parse(line, reviveDates) as RuntimeEvent);
    });
    const state = JSON.parse(await textOf(await this.get(StatePath)), reviveDates) as RuntimeState;
    this.applyState(state);
  }

  /** CRI's UpdateRuntimeConfig: the node's podCIDR, from which sandboxes get their addresses. */
  updateRuntimeConfig(podCidr: string): Promise<{ gateway: string }> {
    return this.call('updateRuntimeConfig', podCidr) as Promise<{ gateway: string }>;
  }

  async runPodSandbox(config: PodSandboxConfig): Promise<string> {
    return String(await this.call('runPodSandbox', config));
  }

  async stopPodSandbox(sandboxId: string): Promise<void> {
    await this.call('stopPodSandbox', sandboxId);
  }

  async removePodSandbox(sandboxId: string): Promise<void> {
    await this.call('removePodSandbox', sandboxId);
  }

  podSandboxStatus(sandboxId: string): PodSandboxStatus | undefined {
    return this.sandboxes.get(sandboxId);
  }

  listPodSandboxes(): PodSandboxStatus[] {
    return [...this.sandboxes.values()];
  }

  async createContainer(sandboxId: string, config: ContainerConfig): Promise<string> {
    return String(await this.call('createContainer', sandboxId, config));
  }

  async startContainer(containerId: string): Promise<void> {
    await this.call('startContainer', containerId);
  }

  async stopContainer(containerId: string, timeoutSeconds: number): Promise<void> {
    await this.call('stopContainer', containerId, timeoutSeconds);
  }

  async removeContainer(containerId: string): Promise<void> {
    await this.call('removeContainer', containerId);
  }

  containerStatus(containerId: string): ContainerStatus | undefined {
    return this.containers.get(containerId);
  }

  listContainers(filter: { sandboxId?: string } = {}): ContainerStatus[] {
    const all = [...this.containers.values()];
    return filter.sandboxId === undefined ? all : all.filter((status) => status.sandboxId === filter.sandboxId);
  }

  attach(containerId: string, output: (stream: 'stdout' | 'stderr', chunk: Buffer) => void): Attachment | undefined {
    if (this.containers.get(containerId)?.state !== 'CONTAINER_RUNNING') return undefined;
    const attaching = request({ socketPath: this.socketPath, path: `${AttachPath}${containerId}`, method: 'POST' });
    attaching.flushHeaders();
    const exited = new Promise<void>((resolve) => {
      attaching.once('error', () => resolve());
      attaching.once('response', (response) => {
        const frames = new FrameReader(output);
        response.on('data', (chunk: Buffer) => frames.push(chunk));
        response.once('end', resolve).once('close', resolve);
      });
    });
    // What is written goes to the container's input; the runtime drops it if the spec has none.
    return { stdin: attaching, exited, detach: () => attaching.destroy() };
  }

  private apply(event: RuntimeEvent): void {
    const id = 'removed' in event ? event.removed : 'sandbox' in event ? event.sandbox.id : event.container.id;
    if ((this.revisions.get(id) ?? 0) < event.revision) {
      this.revisions.set(id, event.revision);
      if ('removed' in event) {
        this.sandboxes.delete(id);
        this.containers.delete(id);
      } else if ('sandbox' in event) this.sandboxes.set(id, event.sandbox);
      else this.changed(event.container);
    }
    this.reached(event.revision);
  }

  private changed(container: ContainerStatus): void {
    const before = this.containers.get(container.id);
    this.containers.set(container.id, container);
    if (container.state === 'CONTAINER_EXITED' && before !== undefined && before.state !== 'CONTAINER_EXITED')
      this.onExit(container);
  }

  /** The whole state at one revision: newer than any event for what it holds, and its absences too. */
  private applyState(state: RuntimeState): void {
    const present = new Set<string>();
    for (const sandbox of state.sandboxes) {
      present.add(sandbox.id);
      if ((this.revisions.get(sandbox.id) ?? 0) < state.revision) this.sandboxes.set(sandbox.id, sandbox);
    }
    for (const container of state.containers) {
      present.add(container.id);
      if ((this.revisions.get(container.id) ?? 0) < state.revision) this.containers.set(container.id, container);
    }
    for (const id of [...this.sandboxes.keys(), ...this.containers.keys()]) {
      if (present.has(id) || (this.revisions.get(id) ?? 0) >= state.revision) continue;
      this.sandboxes.delete(id);
      this.containers.delete(id);
    }
    this.reached(state.revision);
  }

  private reached(revision: number): void {
    this.revision = Math.max(this.revision, revision);
    for (const waiter of this.waiters) {
      if (waiter.revision > this.revision) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private caughtUp(revision: number): Promise<void> {
    if (revision <= this.revision) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const caught = () => {
        clearTimeout(timer);
        resolve();
      };
      const waiter = { revision, resolve: caught };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`the runtime's events did not reach revision ${revision} within ${CatchUpMs} ms`));
      }, CatchUpMs);
      this.waiters.add(waiter);
    });
  }

  /** One CRI call: POST its arguments, then wait until the copy holds what it changed. */
  private async call(name: RuntimeCall, ...args: unknown[]): Promise<unknown> {
    const body = JSON.stringify(args);
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const posting = request({ socketPath: this.socketPath, path: `/${name}`, method: 'POST' }, resolve);
      posting.once('error', reject);
      posting.setHeader('Content-Type', 'application/json');
      posting.end(body);
    });
    const answer = JSON.parse(await textOf(response)) as { result?: unknown; revision?: number; message?: string };
    if (response.statusCode !== 200) throw new Error(`${name}: ${answer.message ?? `status ${response.statusCode}`}`);
    await this.caughtUp(answer.revision ?? 0);
    return answer.result;
  }

  private get(path: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const getting = request({ socketPath: this.socketPath, path, method: 'GET' }, resolve);
      getting.once('error', reject);
      getting.end();
    });
  }
}

async function textOf(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return text;
}
