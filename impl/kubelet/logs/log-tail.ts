// A growing log file, read from where the last read ended: what `kubectl logs -f` needs.
//
// "The kubelet follows a container's log file as the runtime appends to it." Each read asks
// for the bytes after the last one read, never the whole file again, and hands back complete
// lines only: the runtime may be writing the last one still. Bytes, not characters, mark the
// place, so a character of several bytes split across two reads comes back whole.
// Real Kubernetes: pkg/kubelet/kuberuntime/logs/logs.go (ReadLogs), which waits on fsnotify.
import { open } from 'node:fs/promises';

const ChunkBytes = 64 * 1024;

export class LogTail {
  private offset = 0;
  /** The start of a line not complete yet. */
  private pending = Buffer.alloc(0);

  constructor(private readonly path: string) {}

  /** The complete lines written since the last call ('' if none, or no file yet). */
  async completeLines(): Promise<string> {
    const handle = await open(this.path, 'r').catch(() => undefined);
    if (!handle) return '';
    const chunks = [this.pending];
    try {
      for (;;) {
        const buffer = Buffer.alloc(ChunkBytes);
        const { bytesRead } = await handle.read(buffer, 0, ChunkBytes, this.offset);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        this.offset += bytesRead;
      }
    } finally {
      await handle.close();
    }
    const data = Buffer.concat(chunks);
    const end = data.lastIndexOf(0x0a) + 1;
    this.pending = Buffer.from(data.subarray(end));
    return data.subarray(0, end).toString('utf8');
  }
}
