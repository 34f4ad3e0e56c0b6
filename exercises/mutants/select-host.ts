// Wrong solutions of the exercise select-host: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/scheduler/schedule-one.ts';

const Draw = '      if (random(tiedAtTop) === 0) selected = candidate;\n';

export const selectHostMutants: Mutant[] = [
  {
    id: 'first-highest-wins',
    exercise: 'select-host',
    mistake: 'keeps the first node with the highest score: no random tie-break',
    edits: [{ file: File, find: Draw, replace: '' }],
  },
  {
    id: 'last-highest-wins',
    exercise: 'select-host',
    mistake: 'takes every node that equals the best so far, so the last of the tied nodes always wins',
    edits: [{ file: File, find: Draw, replace: '      selected = candidate;\n' }],
  },
  {
    id: 'random-among-all',
    exercise: 'select-host',
    mistake: 'draws among all the feasible nodes, ignoring their scores',
    edits: [
      {
        file: File,
        find: '  return { selected, tiedAtTop, top:',
        replace: '  selected = scores[random(scores.length)] ?? first;\n  return { selected, tiedAtTop, top:',
      },
    ],
  },
  {
    id: 'lowest-wins',
    exercise: 'select-host',
    mistake: 'compares the wrong way round, so the lowest score wins',
    edits: [
      {
        file: File,
        find: '    if (candidate.score > selected.score) {\n',
        replace: '    if (candidate.score < selected.score) {\n',
      },
    ],
  },
  {
    id: 'tie-count-starts-at-one',
    exercise: 'select-host',
    mistake:
      'starts counting the tied nodes at 1 before looking at any, so the count is one too many and the draw unfair',
    edits: [{ file: File, find: '  let tiedAtTop = 0;\n', replace: '  let tiedAtTop = 1;\n' }],
  },
];
