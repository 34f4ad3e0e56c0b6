// Wrong solutions of the exercise replicaset-reconcile: see mutant.ts.

import type { Mutant } from './mutant.js';

export const replicasetReconcileMutants: Mutant[] = [];
