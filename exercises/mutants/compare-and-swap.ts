// Wrong solutions of the exercise compare-and-swap: see mutant.ts.

import type { Mutant } from './mutant.js';

export const compareAndSwapMutants: Mutant[] = [];
