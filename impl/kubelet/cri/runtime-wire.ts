// How the kubelet and the runtime talk across the node: CRI's calls as HTTP on a Unix socket.
//
// "The kubelet talks to the container runtime over a Unix socket (containerd's is
// /run/containerd/containerd.sock), with gRPC." The runtime is its own process, so that
// a kubelet that stops or crashes leaves the pods running. kubelab keeps the socket and the
// calls and simplifies the wire: each call is a POST of JSON, the runtime's changes come as a
// stream of JSON lines (CRI's GetContainerEvents), and an attached container's output comes as
// frames, as Docker's attach frames it: a byte for the stream, four for the length, the bytes.
// Real Kubernetes: k8s.io/cri-api/pkg/apis/runtime/v1/api.proto; the kubelet's
// --container-runtime-endpoint flag names the socket.
import type { ContainerStatus, PodSandboxStatus } from './runtime-service.js';

export const RuntimeSocket = '/run/kubelab/runtime.sock';

/** The calls, each `POST /<name>` with the arguments as a JSON array; the answer is JSON. */
export const RuntimeCalls = [
  'updateRuntimeConfig',
  'runPodSandbox',
  'stopPodSandbox',
  'removePodSandbox',
  'createContainer',
  'startContainer',
  'stopContainer',
  'removeContainer',
] as const;
export type RuntimeCall = (typeof RuntimeCalls)[number];

/** `GET /state`: everything the runtime has now, with the revision it had reached. */
export const StatePath = '/state';
/** `GET /events`: one JSON line per change from now on (RuntimeEvent). */
export const EventsPath = '/events';
/** `POST /attach/<container id>`: the body is the container's input, the answer its output. */
export const AttachPath = '/attach/';

/**
 * One change, stamped with the runtime's revision: a client that also reads answers and the
 * state keeps only what is newer than what it holds.
 */
export type RuntimeEvent =
  | { revision: number; sandbox: PodSandboxStatus }
  | { revision: number; container: ContainerStatus }
  | { revision: number; removed: string };

export interface RuntimeState {
  revision: number;
  sandboxes: PodSandboxStatus[];
  containers: ContainerStatus[];
}

const StreamIds = { stdout: 1, stderr: 2 } as const;

/** One chunk of output as a frame: stream, length, bytes. */
export function outputFrame(stream: 'stdout' | 'stderr', chunk: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(StreamIds[stream], 0);
  header.writeUInt32BE(chunk.length, 1);
  return Buffer.concat([header, chunk]);
}

/** Reads frames from chunks as they come, however the chunks cut them. */
export class FrameReader {
  private pending = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: 'stdout' | 'stderr', chunk: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 5) {
      const length = this.pending.readUInt32BE(1);
      if (this.pending.length < 5 + length) return;
      const stream = this.pending.readUInt8(0) === StreamIds.stderr ? 'stderr' : 'stdout';
      this.onFrame(stream, this.pending.subarray(5, 5 + length));
      this.pending = this.pending.subarray(5 + length);
    }
  }
}

/** JSON has no dates: the statuses' times travel as text and come back as Dates. */
export function reviveDates(key: string, value: unknown): unknown {
  return typeof value === 'string' && TimeFields.has(key) ? new Date(value) : value;
}

const TimeFields = new Set(['createdAt', 'startedAt', 'finishedAt']);
