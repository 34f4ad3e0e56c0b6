// Slow start: many calls that may all fail the same way are tried a few first.
//
// "If a whole batch succeeds, the next batch may get exponentially larger. If there are any
// failures in a batch, all remaining batches are skipped." A ReplicaSet asked for 500 pods in a
// namespace whose quota is full would otherwise send 500 creates that each fail alike; slow
// start sends 1, then 2, 4, 8, ... while they succeed, and stops at the first batch that fails.
// The calls within a batch run at once.
//
// Real Kubernetes: pkg/controller/replicaset/replica_set.go (slowStartBatch) and
// pkg/controller/controller_utils.go (SlowStartInitialBatchSize = 1).

export const SlowStartInitialBatchSize = 1;

export interface SlowStartResult {
  /** How many calls succeeded. */
  successes: number;
  /** The first failure, after which no further batch was started. */
  error?: unknown;
}

// #region slow-start-batch exercise=replicaset-reconcile points=5
/**
 * Calls `call` `count` times: first `initialBatchSize` at once, then twice as many at once
 * while every call of a batch succeeds, never more than what is left. After a batch with a
 * failure, starts no other batch. Returns the number of successes and the first failure.
 */
export async function slowStartBatch(
  count: number,
  initialBatchSize: number,
  call: () => Promise<void>,
): Promise<SlowStartResult> {
  let remaining = count;
  let successes = 0;
  for (
    let batchSize = Math.min(remaining, initialBatchSize);
    batchSize > 0;
    batchSize = Math.min(2 * batchSize, remaining)
  ) {
    const outcomes = await Promise.allSettled(Array.from({ length: batchSize }, () => call()));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    successes += outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    if (failure) return { successes, error: failure.reason };
    remaining -= batchSize;
  }
  return { successes };
}
// #endregion slow-start-batch
