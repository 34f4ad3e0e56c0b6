// A component's recent log lines, as text: what `kubectl logs --tail` shows for a pod.
//
// When a scenario fails, the harness attaches what each control-plane component printed, the
// way one reads `kubectl logs` or `crictl logs` on a real cluster. The Docker API returns a
// non-TTY container's output as one byte stream with stdout and stderr frames interleaved;
// kubelab joins the frames back in order. kubelab simplifies: no timestamps, no log rotation.
// Real Kubernetes: the kubelet serves container logs from /var/log/pods (pkg/kubelet/kuberuntime).
import type { ContainerRuntimeClient, WaitStrategy } from 'testcontainers';

const FRAME_HEADER_BYTES = 8;
const STREAM_TYPES = new Set([0, 1, 2]);
const NOT_READY_LOG_LINES = 50;

type EngineContainer = Parameters<WaitStrategy['waitUntilReady']>[0];

/** The last `tail` lines a container wrote to stdout and stderr. */
export function recentLogs(engine: ContainerRuntimeClient, containerId: string, tail: number): Promise<string> {
  return readLogs(engine.container.dockerode.getContainer(containerId), tail);
}

/**
 * A wait strategy that, when a container is still running but never became ready, adds what
 * it printed to the error. (testcontainers removes the container right after, and its own
 * message already carries the logs of a container that exited.)
 */
export function withLogsWhenNotReady(strategy: WaitStrategy): WaitStrategy {
  return {
    async waitUntilReady(container, boundPorts, startTime) {
      try {
        await strategy.waitUntilReady(container, boundPorts, startTime);
      } catch (error) {
        const isRunning = await container.inspect().then(
          (info) => info.State.Running,
          () => false,
        );
        if (!isRunning) throw error;
        const logs = await readLogs(container, NOT_READY_LOG_LINES);
        throw new Error(`${error instanceof Error ? error.message : String(error)}; last lines it printed:\n${logs}`, {
          cause: error,
        });
      }
    },
    withStartupTimeout(startupTimeoutMs) {
      strategy.withStartupTimeout(startupTimeoutMs);
      return this;
    },
    isStartupTimeoutSet: () => strategy.isStartupTimeoutSet(),
    getStartupTimeout: () => strategy.getStartupTimeout(),
  };
}

async function readLogs(container: EngineContainer, tail: number): Promise<string> {
  return demultiplex(await container.logs({ stdout: true, stderr: true, follow: false, tail }));
}

/**
 * Join the frames of a multiplexed Docker log stream: each frame is a header (stream type,
 * three zero bytes, a big-endian length) and that many bytes. Output that does not start with
 * such a header (a TTY container's) is returned as it is.
 */
export function demultiplex(output: Buffer): string {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + FRAME_HEADER_BYTES <= output.length && isFrameHeader(output, offset)) {
    const length = output.readUInt32BE(offset + 4);
    chunks.push(output.subarray(offset + FRAME_HEADER_BYTES, offset + FRAME_HEADER_BYTES + length));
    offset += FRAME_HEADER_BYTES + length;
  }
  return offset === 0 ? output.toString('utf8') : Buffer.concat(chunks).toString('utf8');
}

function isFrameHeader(output: Buffer, offset: number): boolean {
  const streamType = output[offset] ?? -1;
  return (
    STREAM_TYPES.has(streamType) && output[offset + 1] === 0 && output[offset + 2] === 0 && output[offset + 3] === 0
  );
}
