// The scheduling queue: which pending pod the scheduler tries next.
//
// "Pods are scheduled in priority order; a pod that fits nowhere waits until the cluster
// changes." The active queue is a heap ordered by spec.priority (higher first), then by how
// long the pod has waited. A pod that failed goes to the unschedulable set; any change to
// nodes (one added, one that got room) moves those pods back, after a backoff that grows with
// each failed attempt (1 s, 2 s, 4 s, ... up to 10 s), so a hopeless pod does not spin.
//
// kubelab keeps one unschedulable set and moves it all on any node event, as one batch once
// the longest backoff has passed (real Kubernetes flushes a backoff queue every second). Real Kubernetes:
// pkg/scheduler/backend/queue/scheduling_queue.go (PriorityQueue: activeQ, backoffQ,
// unschedulablePods, MoveAllToActiveOrBackoffQueue, queueing hints).

import { keyOf } from '../client/informer.js';
import type { KubeObject } from '../client/types.js';

export const PodInitialBackoffMs = 1000;
export const PodMaxBackoffMs = 10_000;

interface QueuedPod {
  key: string;
  pod: KubeObject;
  priority: number;
  enqueuedAt: number;
  sequence: number;
}

export class SchedulingQueue {
  /** Active pods by key; the heap may hold stale entries, skipped when popped. */
  private readonly active = new Map<string, QueuedPod>();
  private readonly heap: QueuedPod[] = [];
  private readonly unschedulable = new Map<string, QueuedPod>();
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiter: (() => void) | undefined;
  private isClosed = false;
  private sequence = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A new or changed pending pod: (re)queue it as active. */
  add(pod: KubeObject): void {
    const key = keyOf(pod);
    this.unschedulable.delete(key);
    const entry = {
      key,
      pod,
      priority: Number(pod.spec?.priority ?? 0),
      enqueuedAt: this.active.get(key)?.enqueuedAt ?? this.now(),
      sequence: this.sequence++,
    };
    this.active.set(key, entry);
    this.push(entry);
    this.wake();
  }

  /** The pod was scheduled, deleted, or is no longer ours. */
  delete(pod: KubeObject): void {
    const key = keyOf(pod);
    this.active.delete(key);
    this.unschedulable.delete(key);
    this.attempts.delete(key);
  }

  // #region pop
  /** The highest-priority pod that waited longest; resolves undefined once closed. */
  async pop(): Promise<KubeObject | undefined> {
    for (;;) {
      const top = this.heap[0];
      if (top) {
        this.popTop();
        // Skip entries replaced by a newer add, or removed since.
        if (this.active.get(top.key) !== top) continue;
        this.active.delete(top.key);
        return top.pod;
      }
      if (this.isClosed) return undefined;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }
  // #endregion pop

  /** The pod fits nowhere now: park it until the cluster changes. */
  markUnschedulable(pod: KubeObject): void {
    const key = keyOf(pod);
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1);
    this.unschedulable.set(key, { key, pod, priority: 0, enqueuedAt: this.now(), sequence: this.sequence++ });
  }

  // #region move-all-to-active
  /**
   * Something changed that may let parked pods fit: move them back once their backoff has
   * passed. They move together, at the latest of their backoffs, so that priority, not the
   * order their timers happen to fire in, decides who goes first.
   */
  moveAllToActive(): void {
    const parked = [...this.unschedulable.values()];
    this.unschedulable.clear();
    let waitMs = 0;
    for (const { key, enqueuedAt } of parked) {
      const attempts = this.attempts.get(key) ?? 1;
      const backoff = Math.min(PodInitialBackoffMs * 2 ** (attempts - 1), PodMaxBackoffMs);
      waitMs = Math.max(waitMs, enqueuedAt + backoff - this.now());
    }
    if (waitMs <= 0) for (const { pod } of parked) this.add(pod);
    else
      this.later(
        parked.map(({ pod }) => pod),
        waitMs,
      );
  }
  // #endregion move-all-to-active

  /** Scheduling failed for a transient reason (an API error): try again after the backoff. */
  retryLater(pod: KubeObject): void {
    this.markUnschedulable(pod);
    this.moveAllToActive();
  }

  get pendingCount(): number {
    return this.active.size + this.unschedulable.size;
  }

  close(): void {
    this.isClosed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.wake();
  }

  private later(pods: KubeObject[], waitMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      for (const pod of pods) this.add(pod);
    }, waitMs);
    this.timers.add(timer);
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Higher priority first; among equals, the one that has waited longest. */
  private isBefore(a: QueuedPod, b: QueuedPod): boolean {
    if (a.priority !== b.priority) return a.priority > b.priority;
    if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt < b.enqueuedAt;
    return a.sequence < b.sequence;
  }

  private push(entry: QueuedPod): void {
    const heap = this.heap;
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      const [child, up] = [heap[i] as QueuedPod, heap[parent] as QueuedPod];
      if (!this.isBefore(child, up)) break;
      [heap[i], heap[parent]] = [up, child];
      i = parent;
    }
  }

  private popTop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ; ) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let best = i;
      if (left < heap.length && this.isBefore(heap[left] as QueuedPod, heap[best] as QueuedPod)) best = left;
      if (right < heap.length && this.isBefore(heap[right] as QueuedPod, heap[best] as QueuedPod)) best = right;
      if (best === i) return;
      [heap[i], heap[best]] = [heap[best] as QueuedPod, heap[i] as QueuedPod];
      i = best;
    }
  }
}
