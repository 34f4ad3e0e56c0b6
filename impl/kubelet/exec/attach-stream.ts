// `kubectl attach` on the kubelet: the container's own output as it prints it, and its input.
//
// "kubectl attach connects to a process that is already running inside a container." Unlike
// exec, nothing new runs: the runtime lends the stream of the container's main process, from
// now on (what it printed before is in `kubectl logs`), and its standard input when the pod's
// spec keeps it open (`stdin: true`). The exchange ends with a Success when the container
// exits, or when the client goes.
// Real Kubernetes: pkg/kubelet/cri/streaming/remotecommand (attach.go); containerd's attach.

import type { WebSocket } from 'ws';
import type { Attachment } from '../cri/runtime-service.js';
import { endWith, onStdin, Stderr, Stdout, Success, sendOn } from './channels.js';

/** Joins the client to the container through `attach`, which the runtime's Attach gives. */
export function runAttach(
  socket: WebSocket,
  attach: (output: (stream: 'stdout' | 'stderr', chunk: Buffer) => void) => Attachment | undefined,
): void {
  const attachment = attach((stream, chunk) => sendOn(socket, stream === 'stdout' ? Stdout : Stderr, chunk));
  // It exited between the upgrade and now.
  if (!attachment) {
    endWith(socket, { metadata: {}, status: 'Failure', message: 'the container is not running' });
    return;
  }
  onStdin(
    socket,
    (data) => attachment.stdin?.write(data),
    () => undefined,
  );
  void attachment.exited.then(() => endWith(socket, Success));
  socket.on('close', () => attachment.detach());
}
