// A component's log followed as it is written: what `kubectl logs -f` shows, line by line.
//
// The harness reads what components say while a scenario runs, not only after it failed: a
// scheduler or controller that meets a problem it cannot fix says so in its log, and a waiting
// scenario can stop there. The engine ends a follow when the container stops; a component
// killed and started again by a scenario keeps its container, so the follower asks again,
// from the second the last stream ended, until it is told to stop. kubelab simplifies: a line
// written in that second may be delivered twice.
// Real Kubernetes: `kubectl logs -f` streams from the kubelet (pkg/kubelet/server).
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { containerEngine } from './container-engine.js';

/** Opens a follow of a log from a second on (the Docker API's `since`). */
export type OpenLogStream = (sinceSeconds: number) => Promise<Readable>;

/** How long to wait before asking again once a stream has ended (the container stopped). */
const RefollowMs = 1000;

/** Call `onLine` with every line written from now on to the log `open` follows; returns the function that stops. */
export function followLogs(open: OpenLogStream, onLine: (line: string) => void): () => void {
  let isStopped = false;
  let sinceSeconds = Math.floor(Date.now() / 1000);
  let timer: NodeJS.Timeout | undefined;
  let current: Readable | undefined;
  const follow = async (): Promise<void> => {
    const stream = await open(sinceSeconds).catch(() => undefined);
    if (isStopped) return void stream?.destroy();
    current = stream;
    let hasEnded = false;
    const ended = () => {
      if (hasEnded) return;
      hasEnded = true;
      sinceSeconds = Math.floor(Date.now() / 1000);
      // The timer must not keep the process alive once everything else is done.
      if (!isStopped) timer = setTimeout(() => void follow(), RefollowMs).unref();
    };
    if (!stream) return ended();
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
    stream.once('end', ended).once('close', ended).once('error', ended);
  };
  void follow();
  return () => {
    isStopped = true;
    clearTimeout(timer);
    current?.destroy();
  };
}

/** The log of a container known by its id: one this run started, or one in another process's cluster. */
export function containerLog(containerId: string): OpenLogStream {
  return async (sinceSeconds) => {
    const engine = await containerEngine();
    return engine.container.logs(engine.container.getById(containerId), { since: sinceSeconds });
  };
}
