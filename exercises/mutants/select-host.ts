// Wrong solutions of the exercise select-host: see mutant.ts.

import type { Mutant } from './mutant.js';

export const selectHostMutants: Mutant[] = [];
