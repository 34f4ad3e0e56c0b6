// Wrong solutions of the exercise select-host: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('select-host', 'impl/scheduler/schedule-one.ts');

const Draw = '      if (random(tiedAtTop) === 0) selected = candidate;\n';

export const selectHostMutants: Mutant[] = [
  mutant('first-highest-wins', 'keeps the first node with the highest score: no random tie-break', [Draw, '']),
  mutant(
    'last-highest-wins',
    'takes every node that equals the best so far, so the last of the tied nodes always wins',
    [Draw, '      selected = candidate;\n'],
  ),
  mutant('random-among-all', 'draws among all the feasible nodes, ignoring their scores', [
    '  return { selected, tiedAtTop, top:',
    '  selected = scores[random(scores.length)] ?? selected;\n  return { selected, tiedAtTop, top:',
  ]),
  mutant('lowest-wins', 'compares the wrong way round, so the lowest score wins', [
    '    if (candidate.score > selected.score) {\n',
    '    if (candidate.score < selected.score) {\n',
  ]),
  mutant(
    'tie-count-starts-at-one',
    'starts counting the tied nodes at 1 before looking at any, so the count is one too many and the draw unfair',
    ['  let tiedAtTop = 0;\n', '  let tiedAtTop = 1;\n'],
  ),
];
