// The remote command protocol's streams, shared by `kubectl exec` and `kubectl attach`.
//
// Over one WebSocket (subprotocol v5.channel.k8s.io), every message is binary and starts with
// the number of the stream it belongs to: 0 stdin, 1 stdout, 2 stderr, 3 how it ended (a
// Status), 4 a terminal resize. [255, n] says stream n is closed: the client's stdin ended.
// Real Kubernetes: staging/src/k8s.io/apimachinery/pkg/util/remotecommand/constants.go,
// apimachinery/pkg/util/httpstream/wsstream.
import type { WebSocket } from 'ws';

export const StreamProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const Stdin = 0;
export const Stdout = 1;
export const Stderr = 2;
const ErrorStream = 3;
/** v5: [StreamClose, stream] half-closes that stream. */
const StreamClose = 255;

/** Sends `data` on `stream`, if the client is still there. */
export function sendOn(socket: WebSocket, stream: number, data: Buffer): void {
  if (socket.readyState === socket.OPEN) socket.send(Buffer.concat([Buffer.from([stream]), data]));
}

/** Ends the exchange: its Status on stream 3, then a normal close. */
export function endWith(socket: WebSocket, status: object): void {
  sendOn(socket, ErrorStream, Buffer.from(JSON.stringify(status)));
  socket.close(1000);
}

export const Success = { metadata: {}, status: 'Success' };

/** Calls back with what the client types, and once when its stdin is closed. */
export function onStdin(socket: WebSocket, write: (data: Buffer) => void, end: () => void): void {
  socket.on('message', (data: Buffer) => {
    if (data[0] === Stdin) write(data.subarray(1));
    else if (data[0] === StreamClose && data[1] === Stdin) end();
  });
}
