// The CRI log format: how a container runtime writes a container's output to its log file.
//
// "The runtime writes the logs; the kubelet only reads them." Each line a container prints
// becomes one line of its file, stamped with the time and the stream it came from:
//
//   2026-12-07T01:30:00.123Z stdout F listening on :8080
//
// F marks a full line, P a part of a longer one that the next line continues. `kubectl logs`
// shows only the text after the tag (with `--timestamps`, the time too).
// Real Kubernetes: pkg/kubelet/kuberuntime/logs/logs.go (parseCRILog), containerd's
// internal/cri/io/logger.go (redirectLogs).

export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  time: Date;
  stream: LogStream;
  /** The line, without its newline. */
  content: string;
}

/** The file's line for one line of output. */
export function criLine(time: Date, stream: LogStream, content: string, isPartial = false): string {
  return `${time.toISOString()} ${stream} ${isPartial ? 'P' : 'F'} ${content}\n`;
}

/**
 * Cuts a stream's chunks into lines as they come: a chunk may end in the middle of a line, and
 * the rest of that line is in the next chunk. What is left when the stream ends is a line too.
 */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (content: string) => void) {}

  push(chunk: string): void {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line);
  }

  end(): void {
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }
}

/** The entries of a log file's text; a partial line is joined to the rest of its line. */
export function parseCriLog(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  let partial = '';
  for (const line of text.split('\n')) {
    const match = /^(\S+) (stdout|stderr) ([PF]) (.*)$/.exec(line);
    if (!match) continue;
    const [, time = '', stream, tag, content = ''] = match;
    if (tag === 'P') {
      partial += content;
      continue;
    }
    entries.push({ time: new Date(time), stream: stream as LogStream, content: partial + content });
    partial = '';
  }
  return entries;
}
