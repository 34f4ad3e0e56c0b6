// Wrong solutions of the exercise replicaset-reconcile: see mutant.ts.
//
// The exercise spans two files: an edit is to the controller unless it names slow-start.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const Controller = 'impl/controllers/replicaset/replicaset-controller.ts';
const SlowStart = 'impl/controllers/replicaset/slow-start.ts';

const mutant = mutantsOf('replicaset-reconcile', Controller);

export const replicasetReconcileMutants: Mutant[] = [
  mutant('all-creates-at-once', 'creates every missing pod at once instead of through slow start', [
    '      const { successes, error } = ' +
      'await slowStartBatch(count, SlowStartInitialBatchSize, () => this.createPod(rs));\n',
    [
      '      const outcomes = await Promise.allSettled(Array.from({ length: count }, () => this.createPod(rs)));',
      "      const successes = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;",
      "      const error = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;",
      '      void slowStartBatch;',
      '      void SlowStartInitialBatchSize;',
      '',
    ].join('\n'),
  ]),
  mutant('batches-do-not-double', 'keeps every batch at the initial size, so the creates go one at a time', {
    file: SlowStart,
    find: 'batchSize = Math.min(2 * batchSize, remaining)',
    replace: 'batchSize = Math.min(batchSize, remaining)',
  }),
  mutant('first-batch-doubled', 'doubles the batch before sending the first one, so slow start begins with 2 creates', {
    file: SlowStart,
    find: 'let batchSize = Math.min(remaining, initialBatchSize);',
    replace: 'let batchSize = Math.min(remaining, 2 * initialBatchSize);',
  }),
  mutant(
    'goes-on-after-a-failed-batch',
    'keeps the first failure but starts the next batch anyway',
    {
      file: SlowStart,
      find: '  let successes = 0;\n',
      replace: '  let successes = 0;\n  let firstError: unknown;\n',
    },
    {
      file: SlowStart,
      find: '    if (failure) return { successes, error: failure.reason };\n',
      replace: '    if (failure && firstError === undefined) firstError = failure.reason;\n',
    },
    {
      file: SlowStart,
      find: '  return { successes };\n}',
      replace: '  return firstError === undefined ? { successes } : { successes, error: firstError };\n}',
    },
  ),
  mutant(
    'failure-swallowed',
    'ignores the error slow start returns, so a refused create is neither reported nor retried',
    ['      if (error !== undefined) throw error;\n', '      void error;\n'],
  ),
  mutant(
    'skipped-creates-still-expected',
    'forgets to stop expecting the pods that were not created, so the set waits for them for minutes',
    ['      for (let skipped = count - successes; skipped > 0; skipped--) this.expectations.observedAdd(key);\n', ''],
  ),
  mutant(
    'no-expectations',
    'never tells the expectations what it is about to do, so a sync before the watch catches up acts twice',
    ['      this.expectations.expect(key, count, 0);\n', ''],
    ['      this.expectations.expect(key, 0, doomed.length);\n', ''],
  ),
  mutant('one-pod-short', 'counts the diff one off, so a set always keeps one pod fewer than asked', [
    'const diff = active.length - Number(rs.spec?.replicas ?? 1);\n    if (diff < 0) {',
    'const diff = active.length + 1 - Number(rs.spec?.replicas ?? 1);\n    if (diff < 0) {',
  ]),
];
