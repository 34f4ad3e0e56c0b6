// `kubectl exec` on the kubelet: a command run beside a container, over one WebSocket.
//
// "kubectl exec runs a command in a container; its input and output travel through the API
// server to the kubelet." kubectl 1.32 opens a WebSocket with the subprotocol
// v5.channel.k8s.io, which the API server passes through to the kubelet. Every message is
// binary, and its first byte is the stream it belongs to: 0 stdin, 1 stdout, 2 stderr, 3 the
// command's end (a Status), 4 a terminal resize; [255, n] says stream n is closed (the
// client's stdin reached its end). When the command exits, the kubelet sends its Status on
// stream 3 (Success, or NonZeroExitCode with the code) and closes the WebSocket.
// kubelab simplifies: the command runs in the pod's network namespace (where its containers'
// processes run), without a terminal even when kubectl asks for one (-t).
// Real Kubernetes: pkg/kubelet/cri/streaming/remotecommand (httpstream.go, websocket.go),
// staging/src/k8s.io/apimachinery/pkg/util/remotecommand/constants.go.

import { spawn } from 'node:child_process';
import type { WebSocket } from 'ws';

export const ExecProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

const Stdin = 0;
const Stdout = 1;
const Stderr = 2;
const ErrorStream = 3;
/** v5: [StreamClose, stream] half-closes that stream. */
const StreamClose = 255;

export interface ExecRequest {
  /** The pod's network namespace, which the command joins. */
  netns: string;
  command: string[];
  stdin: boolean;
}

/** The Status that ends the exchange: how the command ended, as the kubelet words it. */
export function exitStatus(command: string[], code: number): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
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
  const child = spawn('ip', ['netns', 'exec', request.netns, ...request.command], {
    stdio: [request.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const send = (stream: number, data: Buffer) => {
    if (socket.readyState === socket.OPEN) socket.send(Buffer.concat([Buffer.from([stream]), data]));
  };
  socket.on('message', (data: Buffer) => {
    if (data[0] === Stdin) child.stdin?.write(data.subarray(1));
    else if (data[0] === StreamClose && data[1] === Stdin) child.stdin?.end();
  });
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => send(Stdout, chunk));
  child.stderr?.on('data', (chunk: Buffer) => send(Stderr, chunk));
  // 'close' comes after the output streams have ended: every byte is sent before the Status.
  child.on('close', (code, signal) => {
    const exitCode = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
    send(ErrorStream, Buffer.from(JSON.stringify(exitStatus(request.command, exitCode))));
    socket.close(1000);
  });
  child.on('error', () => socket.close(1011));
  // The client went away: so does the command.
  socket.on('close', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
}
// #endregion run-exec
