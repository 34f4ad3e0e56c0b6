// Wrong solutions of the exercise registry-key: see mutant.ts.

import type { Mutant } from './mutant.js';

export const registryKeyMutants: Mutant[] = [];
