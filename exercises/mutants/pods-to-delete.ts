// Wrong solutions of the exercise pods-to-delete: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/controllers/replicaset/pods.ts';

export const podsToDeleteMutants: Mutant[] = [
  {
    id: 'any-pods',
    exercise: 'pods-to-delete',
    mistake: 'deletes pods in random order instead of ranking them',
    edits: [
      {
        file: File,
        find: '    .sort(compareForDeletion)\n',
        replace:
          '    .map((entry) => ({ entry, key: Math.random() }))\n' +
          '    .sort((a, b) => a.key - b.key)\n' +
          '    .map(({ entry }) => entry)\n',
      },
    ],
  },
  {
    id: 'oldest-first',
    exercise: 'pods-to-delete',
    mistake: 'compares the ready and creation times the wrong way round, so the oldest pods go first',
    edits: [
      {
        file: File,
        find: 'const ready = newerFirst(readyTime(a.pod), readyTime(b.pod));',
        replace: 'const ready = newerFirst(readyTime(b.pod), readyTime(a.pod));',
      },
      {
        file: File,
        find: 'return newerFirst(creationTime(a.pod), creationTime(b.pod));',
        replace: 'return newerFirst(creationTime(b.pod), creationTime(a.pod));',
      },
    ],
  },
  {
    id: 'deletion-cost-ignored',
    exercise: 'pods-to-delete',
    mistake: 'leaves out the pod-deletion-cost rule',
    edits: [{ file: File, find: '  if (cost !== 0) return cost;\n', replace: '' }],
  },
  {
    id: 'scheduled-first',
    exercise: 'pods-to-delete',
    mistake: 'gets the first rule backwards, so pods on a node go before pods without one',
    edits: [
      {
        file: File,
        find: 'return isAssigned(a.pod) ? 1 : -1;',
        replace: 'return isAssigned(a.pod) ? -1 : 1;',
      },
    ],
  },
  {
    id: 'ready-ignored',
    exercise: 'pods-to-delete',
    mistake: 'leaves out the rule that deletes pods that are not ready first',
    edits: [
      {
        file: File,
        find: '  if (isPodReady(a.pod) !== isPodReady(b.pod)) return isPodReady(a.pod) ? 1 : -1;\n',
        replace: '',
      },
    ],
  },
  {
    id: 'least-crowded-first',
    exercise: 'pods-to-delete',
    mistake: 'deletes from the node with the fewest relatives first, rank sorted the wrong way',
    edits: [
      {
        file: File,
        find: 'if (a.rank !== b.rank) return b.rank - a.rank;',
        replace: 'if (a.rank !== b.rank) return a.rank - b.rank;',
      },
    ],
  },
  {
    id: 'one-too-many',
    exercise: 'pods-to-delete',
    mistake: 'takes one pod more than asked, so each scale-down by one deletes two',
    edits: [
      { file: File, find: '    .slice(0, Math.max(0, count))\n', replace: '    .slice(0, Math.max(0, count + 1))\n' },
    ],
  },
];
