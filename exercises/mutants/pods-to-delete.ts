// Wrong solutions of the exercise pods-to-delete: see mutant.ts.

import type { Mutant } from './mutant.js';

export const podsToDeleteMutants: Mutant[] = [];
