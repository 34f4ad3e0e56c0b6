// `kubectl exec` on the kubelet: a command run beside a container, over one WebSocket.
//
// "kubectl exec runs a command in a container; its input and output travel through the API
// server to the kubelet." kubectl 1.32 opens a WebSocket, which the API server passes through
// to the kubelet (channels.ts has the streams). The command's output goes back on streams 1
// and 2; when it exits, the kubelet sends its Status on stream 3 (Success, or NonZeroExitCode
// with the code, which kubectl exits with) and closes the WebSocket.
// kubelab simplifies: the command runs in the pod's network namespace (where its containers'
// processes run), without a terminal even when kubectl asks for one (-t).
// Real Kubernetes: pkg/kubelet/cri/streaming/remotecommand (exec.go, httpstream.go).

import { spawn } from 'node:child_process';
import type { WebSocket } from 'ws';
import { endWith, onStdin, Stderr, Stdout, Success, sendOn } from './channels.js';
import { inNetns } from '../network/commands.js';

export interface ExecRequest {
  /** The pod's network namespace, which the command joins. */
  netns: string;
  command: string[];
  stdin: boolean;
}

/** The Status that ends the exchange: how the command ended, as the kubelet words it. */
export function exitStatus(command: string[], code: number): object {
  if (code === 0) return Success;
  return {
    metadata: {},
    status: 'Failure',
    message:
      'command terminated with non-zero exit code: ' +
      `error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

// #region run-exec
export function runExec(socket: WebSocket, request: ExecRequest): void {
  const [command = '', ...args] = inNetns(request.netns, request.command);
  const child = spawn(command, args, {
    stdio: [request.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  onStdin(
    socket,
    (data) => child.stdin?.write(data),
    () => child.stdin?.end(),
  );
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => sendOn(socket, Stdout, chunk));
  child.stderr?.on('data', (chunk: Buffer) => sendOn(socket, Stderr, chunk));
  // 'close' comes after the output streams have ended: every byte is sent before the Status.
  child.on('close', (code, signal) => {
    const exitCode = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
    endWith(socket, exitStatus(request.command, exitCode));
  });
  child.on('error', () => socket.close(1011));
  // The client went away: so does the command.
  socket.on('close', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
}
// #endregion run-exec
