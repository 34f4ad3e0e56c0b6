// Probes: the kubelet asks each container, every periodSeconds, whether it is alive, ready, started.
//
// "The kubelet uses liveness probes to know when to restart a container, readiness probes to
// know when a container is ready to start accepting traffic, and startup probes to know when
// a container application has started." Each probe is an HTTP GET (a status from 200 to 399
// passes), a TCP connect, or a command run inside the container (exit code 0 passes), with the
// pod's probe settings: initialDelaySeconds, periodSeconds (10), timeoutSeconds (1),
// successThreshold (1) and failureThreshold (3). A failed readiness probe makes the pod not
// Ready and nothing more; a failed liveness or startup probe gets the container restarted.
// Until a startup probe has passed, the other two do not run.
// Real Kubernetes: pkg/kubelet/prober (prober.go, worker.go, results).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { JsonObject } from '../../client/types.js';
import { inNetns } from '../network/commands.js';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeTarget {
  readonly podIp: string;
  readonly netns: string;
}

export interface ProbeResult {
  readonly ok: boolean;
  /** Why it failed, as the kubelet's Unhealthy event says: `HTTP probe failed with statuscode: 503`. */
  readonly message: string;
}

// #region probe-once
/** One check of `probe` (a container's livenessProbe, readinessProbe or startupProbe). */
export async function probeOnce(probe: JsonObject, target: ProbeTarget): Promise<ProbeResult> {
  const timeoutMs = Number(probe.timeoutSeconds ?? 1) * 1000;
  const httpGet = probe.httpGet as { path?: string; port?: number | string } | undefined;
  const tcpSocket = probe.tcpSocket as { port?: number | string } | undefined;
  const exec = probe.exec as { command?: string[] } | undefined;
  try {
    if (httpGet) return await httpProbe(target.podIp, Number(httpGet.port), httpGet.path ?? '/', timeoutMs);
    if (tcpSocket) return await tcpProbe(target.podIp, Number(tcpSocket.port), timeoutMs);
    if (exec?.command) return await execProbe(target.netns, exec.command, timeoutMs);
    return { ok: false, message: 'the probe has no handler (httpGet, tcpSocket or exec)' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
// #endregion probe-once

function httpProbe(host: string, port: number, path: string, timeoutMs: number): Promise<ProbeResult> {
  const url = `http://${host}:${port}${path}`;
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' }).then(
    async (response) => {
      await response.arrayBuffer();
      const ok = response.status >= 200 && response.status < 400;
      return { ok, message: ok ? '' : `HTTP probe failed with statuscode: ${response.status}` };
    },
    // As Go's HTTP client words it: `Get "<url>": dial tcp <host>:<port>: connect: connection refused`.
    (error: Error & { cause?: NodeJS.ErrnoException }) => {
      const timedOut = error.name === 'TimeoutError';
      const why = timedOut
        ? 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
        : error.cause?.code
          ? `dial tcp ${host}:${port}: ${goDialError(error.cause)}`
          : error.message;
      return { ok: false, message: `Get "${url}": ${why}` };
    },
  );
}

function tcpProbe(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ ok: true, message: '' });
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve({ ok: false, message: `dial tcp ${host}:${port}: i/o timeout` });
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, message: `dial tcp ${host}:${port}: ${goDialError(error)}` }),
    );
  });
}

/** How Go's net.Dial words the errors a TCP probe meets: its text is the Unhealthy event's. */
function goDialError(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ECONNREFUSED: 'connect: connection refused',
    EHOSTUNREACH: 'connect: no route to host',
    ENETUNREACH: 'connect: network is unreachable',
    ETIMEDOUT: 'i/o timeout',
  };
  return words[error.code ?? ''] ?? error.message;
}

/** Most of a command's output a probe keeps (10 KiB, as the kubelet's exec prober). */
const MaxExecOutput = 10 * 1024;

/**
 * The command runs in the pod's network namespace; exit code 0 passes. What it printed, on
 * stdout and stderr as they came, is the result's message: the Unhealthy event shows it.
 */
function execProbe(netns: string, command: readonly string[], timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const [program = '', ...args] = inNetns(netns, command);
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(0, MaxExecOutput);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, message: error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, message: output });
    });
  });
}

interface Worker {
  timer: NodeJS.Timeout;
  successes: number;
  failures: number;
  /** The result that counts: it flips only after successThreshold or failureThreshold in a row. */
  ok: boolean;
  failureThreshold: number;
}

/**
 * Runs each container's probes on their periods and remembers the results that count, by
 * container id and kind. `onChange` is told when one flips, so that the pod is synced again.
 */
export class ProbeManager {
  private readonly workers = new Map<string, Worker>();

  constructor(private readonly onChange: (containerId: string, kind: ProbeKind, result: ProbeResult) => void) {}

  /** Starts the probes of a container just started; a probe it does not have is not run. */
  start(containerId: string, container: JsonObject, target: ProbeTarget): void {
    for (const kind of ['liveness', 'readiness', 'startup'] as const) {
      const probe = container[`${kind}Probe`] as JsonObject | undefined;
      if (!probe) continue;
      const key = `${containerId}/${kind}`;
      const periodMs = Number(probe.periodSeconds ?? 10) * 1000;
      const check = () => void this.check(key, containerId, kind, probe, target);
      // Ready and started are false until a probe passes; alive is true until one fails.
      const worker: Worker = {
        timer: setTimeout(() => {}, 0),
        successes: 0,
        failures: 0,
        ok: kind === 'liveness',
        failureThreshold: Number(probe.failureThreshold ?? 3),
      };
      worker.timer = setTimeout(
        function tick() {
          check();
          worker.timer = setTimeout(tick, periodMs);
        },
        Number(probe.initialDelaySeconds ?? 0) * 1000,
      );
      this.workers.set(key, worker);
    }
  }

  /** The result that counts; undefined when the container has no such probe. */
  result(containerId: string, kind: ProbeKind): boolean | undefined {
    return this.workers.get(`${containerId}/${kind}`)?.ok;
  }

  /** Whether the probe has failed for good: a liveness or startup failure restarts the container. */
  failed(containerId: string, kind: 'liveness' | 'startup'): boolean {
    const worker = this.workers.get(`${containerId}/${kind}`);
    if (!worker) return false;
    return kind === 'liveness' ? !worker.ok : !worker.ok && worker.failures >= worker.failureThreshold;
  }

  /** Stops every probe of a container (it exited, or is being stopped). */
  stop(containerId: string): void {
    for (const kind of ['liveness', 'readiness', 'startup']) {
      const key = `${containerId}/${kind}`;
      clearTimeout(this.workers.get(key)?.timer);
      this.workers.delete(key);
    }
  }

  private async check(key: string, containerId: string, kind: ProbeKind, probe: JsonObject, target: ProbeTarget) {
    // Liveness and readiness wait for the startup probe, if there is one, to pass.
    if (kind !== 'startup' && this.result(containerId, 'startup') === false) return;
    const result = await probeOnce(probe, target);
    const worker = this.workers.get(key);
    if (!worker) return;
    if (result.ok) {
      worker.successes++;
      worker.failures = 0;
    } else {
      worker.failures++;
      worker.successes = 0;
    }
    const successThreshold = Number(probe.successThreshold ?? 1);
    const flipped =
      (!worker.ok && worker.successes >= successThreshold) || (worker.ok && worker.failures >= worker.failureThreshold);
    if (flipped) worker.ok = !worker.ok;
    // A startup probe that passed has done its work.
    if (kind === 'startup' && worker.ok) clearTimeout(worker.timer);
    if (flipped || !result.ok) this.onChange(containerId, kind, result);
  }
}
