// Wrong solutions of the exercise tolerates-taint: see mutant.ts.

import type { Mutant } from './mutant.js';

export const toleratesTaintMutants: Mutant[] = [];
