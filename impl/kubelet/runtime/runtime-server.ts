// The runtime's side of the socket: CRI's calls answered by the process runtime.
//
// The runtime daemon is to kubelab's node what containerd is to a kubeadm node: its own
// process, started before the kubelet, that owns the pods' processes and network namespaces.
// The kubelet is only its client. After each call, and whenever a container exits, every
// sandbox and container that changed goes out on the event stream, stamped with a revision;
// an answer carries the revision it reached, so the kubelet waits for its events to catch up
// and reads its own writes. The pod network waits for the kubelet to say the node's podCIDR
// (CRI's UpdateRuntimeConfig): until then only a pod on the host's network can run.
// Real Kubernetes: containerd's CRI plugin (internal/cri/server), its event stream
// (GetContainerEvents), and UpdateRuntimeConfig's pod_cidr.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../client/logger.js';
import {
  AttachPath,
  EventsPath,
  outputFrame,
  type RuntimeCall,
  RuntimeCalls,
  type RuntimeEvent,
  type RuntimeState,
  StatePath,
} from '../cri/runtime-wire.js';
import { BridgeNetwork } from '../network/bridge-network.js';
import { ProcessRuntime } from './process-runtime.js';

export class RuntimeServer {
  private readonly runtime: ProcessRuntime;
  private network?: { podCidr: string; bridge: BridgeNetwork };
  private revision = 0;
  /** What the event stream last said of each sandbox and container, as JSON. */
  private readonly published = new Map<string, string>();
  private readonly watchers = new Set<ServerResponse>();
  private readonly server: Server;

  constructor(private readonly logger: Logger) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.runtime = new ProcessRuntime(
      () => this.network?.bridge,
      () => this.publishChanges(),
    );
  }

  listen(socketPath: string): Promise<void> {
    mkdirSync(path.dirname(socketPath), { recursive: true });
    rmSync(socketPath, { force: true });
    return new Promise((resolve) => this.server.listen(socketPath, resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    try {
      if (request.method === 'GET' && url === StatePath) return json(response, 200, this.state());
      if (request.method === 'GET' && url === EventsPath) return this.watch(response);
      if (request.method === 'POST' && url.startsWith(AttachPath))
        return this.attach(url.slice(AttachPath.length), request, response);
      const call = url.slice(1) as RuntimeCall;
      if (request.method !== 'POST' || !RuntimeCalls.includes(call))
        return json(response, 404, { message: `no call ${request.method} ${url}` });
      const args = JSON.parse(await bodyOf(request)) as unknown[];
      const result = await this.call(call, args);
      this.publishChanges();
      json(response, 200, { result: result ?? null, revision: this.revision });
    } catch (error) {
      this.publishChanges();
      json(response, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  private call(call: RuntimeCall, args: unknown[]): Promise<unknown> {
    if (call === 'updateRuntimeConfig') return this.updateRuntimeConfig(String(args[0]));
    const method = this.runtime[call] as (...values: unknown[]) => Promise<unknown>;
    return method.apply(this.runtime, args);
  }

  /** The node's podCIDR, from the kubelet: the bridge, and the runtime that hands out its addresses. */
  private async updateRuntimeConfig(podCidr: string): Promise<{ gateway: string }> {
    if (this.network) {
      if (this.network.podCidr !== podCidr)
        throw new Error(`the pod CIDR is ${this.network.podCidr} already; it cannot become ${podCidr}`);
      return { gateway: this.network.bridge.gateway };
    }
    const bridge = new BridgeNetwork(podCidr);
    await bridge.setUpNode();
    this.network = { podCidr, bridge };
    this.logger.info('pod network configured', { podCIDR: podCidr, gateway: bridge.gateway });
    return { gateway: bridge.gateway };
  }

  private state(): RuntimeState {
    return {
      revision: this.revision,
      sandboxes: this.runtime.listPodSandboxes() ?? [],
      containers: this.runtime.listContainers() ?? [],
    };
  }

  private watch(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    response.flushHeaders();
    this.watchers.add(response);
    response.on('close', () => this.watchers.delete(response));
  }

  /** Every sandbox and container that changed since the last call, and every one removed. */
  private publishChanges(): void {
    const now = new Map<string, { sandbox: unknown } | { container: unknown }>();
    for (const sandbox of this.runtime.listPodSandboxes() ?? []) now.set(sandbox.id, { sandbox });
    for (const container of this.runtime.listContainers() ?? []) now.set(container.id, { container });
    const events: RuntimeEvent[] = [];
    for (const [id, change] of now) {
      const text = JSON.stringify(change);
      if (this.published.get(id) === text) continue;
      this.published.set(id, text);
      events.push({ revision: ++this.revision, ...change } as RuntimeEvent);
    }
    for (const id of this.published.keys()) {
      if (now.has(id)) continue;
      this.published.delete(id);
      events.push({ revision: ++this.revision, removed: id });
    }
    if (events.length === 0) return;
    const lines = events.map((event) => `${JSON.stringify(event)}\n`).join('');
    for (const watcher of this.watchers) watcher.write(lines);
  }

  /** A client joined to a container's streams until it exits or the client goes. */
  private attach(containerId: string, request: IncomingMessage, response: ServerResponse): void {
    const attachment = this.runtime.attach(containerId, (stream, chunk) => response.write(outputFrame(stream, chunk)));
    if (!attachment) {
      json(response, 404, { message: `container ${containerId} is not running` });
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    response.flushHeaders();
    request.on('data', (chunk: Buffer) => attachment.stdin?.write(chunk));
    void attachment.exited.then(() => response.end());
    response.on('close', () => attachment.detach());
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body || '[]';
}
