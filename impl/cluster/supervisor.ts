// The supervisor: a component that dies, or is killed from outside, is started again.
//
// kubeadm's control plane runs as static pods, and the kubelet restarts a static pod's
// container whenever it exits. kubelab's components are containers that no kubelet watches,
// so the process that owns the cluster plays that part: it follows the engine's events, and
// when one of its containers dies it starts it again after the kubelet's back-off
// (restart-backoff.ts). A component a scenario killed on purpose is held down until the
// scenario starts it; a cluster that is stopping restarts nothing.
// Real Kubernetes: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, doBackOff).

import type { Readable } from 'node:stream';
import type { ContainerRuntimeClient } from 'testcontainers';
import type { Logger } from '../client/logger.js';
import { type BackoffState, restartDelay } from './restart-backoff.js';

export interface Supervised {
  /** The container id of each instance it watches. */
  containerIds(): Record<string, string>;
  /** Start the instance again and wait until it is ready. */
  restart(name: string): Promise<void>;
}

export class Supervisor {
  private readonly heldDown = new Set<string>();
  private readonly backoff = new Map<string, BackoffState>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly restarting = new Set<Promise<void>>();
  private events: Readable | undefined;
  private isStopped = false;
  /** When it began to follow the events (ms since the epoch). */
  private followingSince = 0;

  constructor(
    private readonly engine: ContainerRuntimeClient,
    private readonly cluster: Supervised,
    private readonly logger: Logger,
  ) {}

  /** Follow the engine's events from now on. */
  async start(): Promise<void> {
    this.followingSince = Date.now();
    const stream = (await this.engine.container.dockerode.getEvents()) as unknown as Readable;
    this.events = stream;
    let buffered = '';
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) void this.onEvent(line);
    });
    stream.on('error', () => {});
  }

  /** A scenario killed it on purpose: leave it down until release(). */
  holdDown(name: string): void {
    this.heldDown.add(name);
    clearTimeout(this.pending.get(name));
    this.pending.delete(name);
  }

  release(name: string): void {
    this.heldDown.delete(name);
  }

  /** The instance was (re)started by someone: its back-off counts from now. */
  started(name: string): void {
    const state = this.backoff.get(name);
    this.backoff.set(name, { deaths: state?.deaths ?? 0, startedAt: Date.now() });
  }

  /** Restart nothing more; resolves once the restarts already under way have ended. */
  async stop(): Promise<void> {
    this.isStopped = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.events?.destroy();
    await Promise.allSettled([...this.restarting]);
  }

  private async onEvent(line: string): Promise<void> {
    let event: { Type?: string; Action?: string; id?: string; time?: number; timeNano?: number };
    try {
      event = JSON.parse(line);
    } catch {
      return;
    }
    if (event.Type !== 'container' || event.Action !== 'die' || this.isStopped) return;
    const name = Object.entries(this.cluster.containerIds()).find(([, id]) => id === event.id)?.[0];
    if (name === undefined || this.heldDown.has(name) || this.pending.has(name)) return;
    // An engine may hand a follower old events again (podman does when it rotates its event
    // log): a death from before the component's last start is history, not news.
    const diedAt = event.timeNano ? event.timeNano / 1e6 : (event.time ?? 0) * 1000;
    if (diedAt < Math.max(this.followingSince, this.backoff.get(name)?.startedAt ?? 0)) return;
    if (await this.isRunning(event.id ?? '')) return;
    if (this.isStopped || this.heldDown.has(name) || this.pending.has(name)) return;
    const { delayMs, deaths } = restartDelay(this.backoff.get(name), Date.now());
    this.backoff.set(name, { deaths, startedAt: Date.now() + delayMs });
    this.logger.info('component died; starting it again', {
      component: name,
      inSeconds: delayMs / 1000,
      deathsInARow: deaths,
    });
    const timer = setTimeout(() => {
      this.pending.delete(name);
      if (this.isStopped || this.heldDown.has(name)) return;
      const restart = this.cluster
        .restart(name)
        .catch((error: unknown) => this.logger.error('starting a component again failed', { component: name, error }));
      this.restarting.add(restart);
      void restart.finally(() => this.restarting.delete(restart));
    }, delayMs);
    timer.unref();
    this.pending.set(name, timer);
  }

  private async isRunning(id: string): Promise<boolean> {
    const state = await this.engine.container.dockerode
      .getContainer(id)
      .inspect()
      .then((info) => info.State)
      .catch(() => undefined);
    return state?.Running === true;
  }
}
