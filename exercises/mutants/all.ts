// Every exercise's mutants, in the catalogue's order.

import { compareAndSwapMutants } from './compare-and-swap.js';
import { crashLoopBackOffMutants } from './crash-loop-back-off.js';
import { createIfAbsentMutants } from './create-if-absent.js';
import { fitsMutants } from './fits.js';
import { leastAllocatedScoreMutants } from './least-allocated-score.js';
import type { Mutant } from './mutant.js';
import { podPhaseMutants } from './pod-phase.js';
import { podsToDeleteMutants } from './pods-to-delete.js';
import { registryKeyMutants } from './registry-key.js';
import { replicasetReconcileMutants } from './replicaset-reconcile.js';
import { selectHostMutants } from './select-host.js';
import { staticPodMutants } from './static-pod.js';
import { toleratesTaintMutants } from './tolerates-taint.js';

export const AllMutants: readonly Mutant[] = [
  ...registryKeyMutants,
  ...createIfAbsentMutants,
  ...compareAndSwapMutants,
  ...fitsMutants,
  ...toleratesTaintMutants,
  ...leastAllocatedScoreMutants,
  ...selectHostMutants,
  ...replicasetReconcileMutants,
  ...podsToDeleteMutants,
  ...crashLoopBackOffMutants,
  ...podPhaseMutants,
  ...staticPodMutants,
];

/** Each exercise needs at least this many mutants. */
export const MinimumMutantsPerExercise = 4;
