// The compactor: the API server asks etcd to forget old history, every interval.
//
// "History is kept for a while, not forever." Every interval (5 minutes by default) the API
// server compacts etcd at the revision it saw one interval earlier, so any resourceVersion
// stays usable for at least one interval; older ones get 410 Expired and clients relist.
//
// Real Kubernetes: apiserver/pkg/storage/etcd3/compact.go (compactor, --etcd-compaction-interval).

import type { Logger } from '../client/logger.js';
import type { Store } from '../store/store.js';

export const DefaultCompactionIntervalMs = 5 * 60 * 1000;

// #region compactor
export function startCompactor(store: Store, intervalMs: number, logger: Logger): () => void {
  if (intervalMs <= 0) return () => {};
  let previousRevision = 0;
  let compactedRevision = 0;
  const timer = setInterval(() => {
    void (async () => {
      const current = await store.currentRevision();
      if (previousRevision > compactedRevision && (await store.compact(previousRevision))) {
        logger.info('compacted etcd', { revision: previousRevision });
        compactedRevision = previousRevision;
      }
      previousRevision = current;
    })().catch((error: unknown) => logger.error('compaction failed, will retry next interval', { error }));
  }, intervalMs);
  return () => clearInterval(timer);
}
// #endregion compactor
