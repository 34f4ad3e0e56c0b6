// Wrong solutions of the exercise pods-to-delete: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('pods-to-delete', 'impl/controllers/replicaset/pods.ts');

export const podsToDeleteMutants: Mutant[] = [
  mutant('any-pods', 'deletes pods in random order instead of ranking them', [
    '    .sort(compareForDeletion)\n',
    '    .map((entry) => ({ entry, key: Math.random() }))\n' +
      '    .sort((a, b) => a.key - b.key)\n' +
      '    .map(({ entry }) => entry)\n',
  ]),
  mutant(
    'oldest-first',
    'compares the ready and creation times the wrong way round, so the oldest pods go first',
    [
      'const ready = newerFirst(readyTime(a.pod), readyTime(b.pod));',
      'const ready = newerFirst(readyTime(b.pod), readyTime(a.pod));',
    ],
    [
      'return newerFirst(creationTime(a.pod), creationTime(b.pod));',
      'return newerFirst(creationTime(b.pod), creationTime(a.pod));',
    ],
  ),
  mutant('deletion-cost-ignored', 'leaves out the pod-deletion-cost rule', ['  if (cost !== 0) return cost;\n', '']),
  mutant('scheduled-first', 'gets the first rule backwards, so pods on a node go before pods without one', [
    'return isAssigned(a.pod) ? 1 : -1;',
    'return isAssigned(a.pod) ? -1 : 1;',
  ]),
  mutant('ready-ignored', 'leaves out the rule that deletes pods that are not ready first', [
    '  if (isPodReady(a.pod) !== isPodReady(b.pod)) return isPodReady(a.pod) ? 1 : -1;\n',
    '',
  ]),
  mutant('least-crowded-first', 'deletes from the node with the fewest relatives first, rank sorted the wrong way', [
    'if (a.rank !== b.rank) return b.rank - a.rank;',
    'if (a.rank !== b.rank) return a.rank - b.rank;',
  ]),
  mutant('one-too-many', 'takes one pod more than asked, so each scale-down by one deletes two', [
    '    .slice(0, Math.max(0, count))\n',
    '    .slice(0, Math.max(0, count + 1))\n',
  ]),
];
