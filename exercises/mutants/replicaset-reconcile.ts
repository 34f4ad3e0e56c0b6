// Wrong solutions of the exercise replicaset-reconcile: see mutant.ts.

import type { Mutant } from './mutant.js';

const Controller = 'impl/controllers/replicaset/replicaset-controller.ts';
const SlowStart = 'impl/controllers/replicaset/slow-start.ts';

export const replicasetReconcileMutants: Mutant[] = [
  {
    id: 'all-creates-at-once',
    exercise: 'replicaset-reconcile',
    mistake: 'creates every missing pod at once instead of through slow start',
    edits: [
      {
        file: Controller,
        find:
          '      const { successes, error } = ' +
          'await slowStartBatch(count, SlowStartInitialBatchSize, () => this.createPod(rs));\n',
        replace: [
          '      const outcomes = await Promise.allSettled(Array.from({ length: count }, () => this.createPod(rs)));',
          "      const successes = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;",
          "      const error = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;",
          '      void slowStartBatch;',
          '      void SlowStartInitialBatchSize;',
          '',
        ].join('\n'),
      },
    ],
  },
  {
    id: 'batches-do-not-double',
    exercise: 'replicaset-reconcile',
    mistake: 'keeps every batch at the initial size, so the creates go one at a time',
    edits: [
      {
        file: SlowStart,
        find: 'batchSize = Math.min(2 * batchSize, remaining)',
        replace: 'batchSize = Math.min(batchSize, remaining)',
      },
    ],
  },
  {
    id: 'first-batch-doubled',
    exercise: 'replicaset-reconcile',
    mistake: 'doubles the batch before sending the first one, so slow start begins with 2 creates',
    edits: [
      {
        file: SlowStart,
        find: 'let batchSize = Math.min(remaining, initialBatchSize);',
        replace: 'let batchSize = Math.min(remaining, 2 * initialBatchSize);',
      },
    ],
  },
  {
    id: 'goes-on-after-a-failed-batch',
    exercise: 'replicaset-reconcile',
    mistake: 'keeps the first failure but starts the next batch anyway',
    edits: [
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
    ],
  },
  {
    id: 'failure-swallowed',
    exercise: 'replicaset-reconcile',
    mistake: 'ignores the error slow start returns, so a refused create is neither reported nor retried',
    edits: [
      { file: Controller, find: '      if (error !== undefined) throw error;\n', replace: '      void error;\n' },
    ],
  },
  {
    id: 'skipped-creates-still-expected',
    exercise: 'replicaset-reconcile',
    mistake: 'forgets to stop expecting the pods that were not created, so the set waits for them for minutes',
    edits: [
      {
        file: Controller,
        find:
          '      for (let skipped = count - successes; skipped > 0; skipped--) ' +
          'this.expectations.observedAdd(key);\n',
        replace: '',
      },
    ],
  },
  {
    id: 'one-pod-short',
    exercise: 'replicaset-reconcile',
    mistake: 'counts the diff one off, so a set always keeps one pod fewer than asked',
    edits: [
      {
        file: Controller,
        find: 'const diff = active.length - Number(rs.spec?.replicas ?? 1);\n    if (diff < 0) {',
        replace: 'const diff = active.length + 1 - Number(rs.spec?.replicas ?? 1);\n    if (diff < 0) {',
      },
    ],
  },
];
