// Wrong solutions of the exercise create-if-absent: see mutant.ts.

import type { Mutant } from './mutant.js';

export const createIfAbsentMutants: Mutant[] = [];
