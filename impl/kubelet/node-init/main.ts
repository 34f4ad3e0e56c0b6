// A real node's first process: what systemd is on a kubeadm machine.
//
// "The kubelet runs on every node as a system service." On a kubeadm machine systemd starts
// containerd, then the kubelet, and starts the kubelet again whenever it exits
// (kubelet.service: Restart=always, RestartSec=10). This init does the same in the node
// container: the runtime first (runtime/main.ts), the kubelet once the runtime's socket is
// there, and the kubelet again after it exits, however it exits. The pods are the runtime's, so
// they run on while the kubelet is down. Asked to stop (the container stops), it stops both, as
// a machine shuts down; if the runtime dies, the node goes down with it.
// Real Kubernetes: the kubelet.service and containerd.service units of the node's systemd.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { componentMain } from '../../project-root.js';
import { createLogger } from '../../client/logger.js';
import { RuntimeSocket } from '../cri/runtime-wire.js';

const logger = createLogger('init');
const restartMs = 1000 * Number(process.env.KUBELET_RESTART_SECONDS || 10);
const RuntimeStartMs = 15_000;
const StopGraceMs = 4_000;
let isStopping = false;
let kubelet: ChildProcess | undefined;

/** A service: `node <its main.js>`, its output in the node's log. */
function start(component: string): ChildProcess {
  return spawn(process.execPath, [componentMain(component)], { stdio: 'inherit' });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

const runtime = start('kubelet/runtime');
runtime.once('exit', (code, signal) => {
  if (isStopping) return;
  logger.error('the container runtime exited: the node goes down', { code, signal });
  void stop(1);
});
for (const started = Date.now(); !existsSync(RuntimeSocket); await sleep(50)) {
  if (Date.now() - started > RuntimeStartMs) {
    logger.error('the container runtime did not open its socket', { socket: RuntimeSocket });
    await stop(1);
  }
}

// #region supervise-kubelet
const superviseKubelet = (child: ChildProcess): void => {
  child.once('exit', (code, signal) => {
    if (isStopping) return;
    logger.info('the kubelet exited; starting it again', { code, signal, afterSeconds: restartMs / 1000 });
    setTimeout(() => {
      if (isStopping) return;
      kubelet = start('kubelet');
      superviseKubelet(kubelet);
      // #endregion supervise-kubelet
    }, restartMs);
  });
};
kubelet = start('kubelet');
superviseKubelet(kubelet);

async function stop(code: number): Promise<never> {
  isStopping = true;
  for (const child of [kubelet, runtime]) child?.kill('SIGTERM');
  // Each writes its coverage as it exits; one that hangs does not hold the node up.
  await Promise.race([Promise.all([kubelet, runtime].map((child) => child && exited(child))), sleep(StopGraceMs)]);
  process.exit(code);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(0));
