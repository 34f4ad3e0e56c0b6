// Wrong solutions of the exercise least-allocated-score: see mutant.ts.

import type { Mutant } from './mutant.js';

export const leastAllocatedScoreMutants: Mutant[] = [];
