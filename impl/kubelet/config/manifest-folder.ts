// The kubelet's file source: the static pods are the manifests in a folder of the node.
//
// "The kubelet watches the manifest folder; a file placed there runs, a file removed stops."
// The folder is read whenever it changes (inotify, through fs.watch) and every
// fileCheckFrequency anyway (20 s), since a watch can miss an event. Files whose names begin
// with a dot are skipped, as editors leave such files; a file that does not parse is logged
// and skipped, and the others still run. The kubelet makes the folder if it is missing, as
// kubeadm does when it prepares a node.
// Real Kubernetes: pkg/kubelet/config/file.go and file_linux.go (sourceFile).
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Logger } from '../../client/logger.js';
import type { KubeObject } from '../../client/types.js';
import { staticPod } from './static-pod.js';

export class ManifestFolder {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  /** The first time each file's content was seen: its pods' kubernetes.io/config.seen. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly nodeName: string,
    private readonly logger: Logger,
    /** Told the whole set of static pods, by `<namespace>/<name>`, each time it is read. */
    private readonly onPods: (pods: Map<string, KubeObject>) => void,
  ) {}

  /** Starts reading the folder (made if missing); resolves once it has been read the first time. */
  async start(checkEveryMs: number): Promise<void> {
    await mkdir(this.dir, { recursive: true }).catch(() => undefined);
    const read = () => void this.read();
    // No folder (yet): the periodic read finds it once it exists.
    this.watchFolder(read);
    this.timer ??= setInterval(() => {
      if (!this.watcher) this.watchFolder(read);
      read();
    }, checkEveryMs);
    return this.read();
  }

  private watchFolder(read: () => void): void {
    try {
      this.watcher = watch(this.dir, read);
    } catch {
      // Still no folder.
    }
  }

  stop(): void {
    this.watcher?.close();
    clearInterval(this.timer);
  }

  private async read(): Promise<void> {
    const pods = new Map<string, KubeObject>();
    const files = await readdir(this.dir).catch(() => [] as string[]);
    for (const file of files.filter((name) => !name.startsWith('.')).sort()) {
      const full = path.join(this.dir, file);
      try {
        const text = await readFile(full, 'utf8');
        const key = `${full}\n${text}`;
        if (!this.seen.has(key)) this.seen.set(key, new Date().toISOString());
        for (const document of parseAllDocuments(text)) {
          const manifest = document.toJS() as KubeObject | null;
          if (manifest?.kind !== 'Pod' || !manifest.metadata?.name) throw new Error('not a Pod with a name');
          const pod = staticPod(manifest, this.nodeName, full, this.seen.get(key) ?? '');
          pods.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
        }
      } catch (error) {
        this.logger.error('could not read a static pod manifest', { file: full, error: String(error) });
      }
    }
    this.onPods(pods);
  }
}
