// A watchdog beside the process that owns a cluster, removing the cluster if that process dies.
//
// A process killed with SIGKILL (or by a crash, or by the out-of-memory killer) runs no code,
// so it cannot remove its containers itself: something outside it must. watchOwner starts a
// small detached process (watchdog-main.ts) in a session of its own, so the Ctrl-C that reaches
// the owner's process group does not reach it. The two are joined by a pipe, the lifeline: the
// kernel closes the owner's end whenever the owner ends, however it ends. When the watchdog
// reads the end of the pipe and the owner is gone, it removes what the owner left (removeOwned
// in ownership.ts) and exits. An owner that stopped its cluster itself calls release() first,
// and the watchdog exits without looking. testcontainers' Ryuk works the same way, over a TCP
// connection instead of a pipe. Real Kubernetes has no counterpart for machines; for API
// objects, owner references and the garbage collector play this part.
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WATCHDOG_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'watchdog-main.js');
/** What the owner writes on the lifeline when it has stopped its cluster itself. */
export const RELEASE_MESSAGE = 'released\n';
const RELEASE_TIMEOUT_MS = 2_000;

export interface OwnerWatchdog {
  /** The watchdog's pid, for tests and for a person reading `ps`. */
  readonly pid: number;
  /** Tell the watchdog the cluster is stopped, so it exits without removing anything. */
  release(): Promise<void>;
}

/** Start the watchdog for this process's cluster `clusterName`. It never keeps this process running. */
export function watchOwner(clusterName: string): OwnerWatchdog {
  const child = spawn(process.execPath, [WATCHDOG_MAIN, String(process.pid), clusterName], {
    detached: true,
    // stdin is the lifeline; stderr is the owner's, so what the watchdog removes is said where the owner spoke.
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const lifeline = child.stdin as Socket;
  // An owner that dies while writing must not die of EPIPE first; the watchdog is gone then anyway.
  lifeline.on('error', () => {});
  lifeline.unref();
  child.unref();
  return {
    pid: child.pid ?? 0,
    release: () =>
      new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, RELEASE_TIMEOUT_MS);
        lifeline.end(RELEASE_MESSAGE, () => {
          clearTimeout(timeout);
          resolve();
        });
      }),
  };
}
