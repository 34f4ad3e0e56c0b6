// Wrong solutions of the exercise fits: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/scheduler/plugins/node-resources-fit.ts';

export const fitsMutants: Mutant[] = [
  {
    id: 'nothing-is-insufficient',
    exercise: 'fits',
    mistake: 'returns no failures at all, so every pod fits every node',
    edits: [
      {
        file: File,
        find: '  const { allocatable, requested } = nodeInfo;\n',
        replace: '  const { allocatable, requested } = nodeInfo;\n  return insufficient;\n',
      },
    ],
  },
];
