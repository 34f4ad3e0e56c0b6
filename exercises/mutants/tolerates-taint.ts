// Wrong solutions of the exercise tolerates-taint: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/client/tolerations.ts';

const EffectCheck = '  if (toleration.effect && toleration.effect !== taint.effect) return false;\n';
const KeyCheck = '  if (toleration.key && toleration.key !== taint.key) return false;\n';

export const toleratesTaintMutants: Mutant[] = [
  {
    id: 'effect-ignored',
    exercise: 'tolerates-taint',
    mistake: 'never compares the effects, so a PreferNoSchedule toleration lifts a NoSchedule taint',
    edits: [{ file: File, find: EffectCheck, replace: '' }],
  },
  {
    id: 'key-ignored',
    exercise: 'tolerates-taint',
    mistake: 'never compares the keys, so Exists on any key tolerates every taint',
    edits: [{ file: File, find: KeyCheck, replace: '' }],
  },
  {
    id: 'empty-effect-matches-nothing',
    exercise: 'tolerates-taint',
    mistake: 'requires the same effect even when the toleration has none, instead of matching every effect',
    edits: [
      {
        file: File,
        find: EffectCheck,
        replace: '  if (toleration.effect !== taint.effect) return false;\n',
      },
    ],
  },
  {
    id: 'empty-key-matches-nothing',
    exercise: 'tolerates-taint',
    mistake: 'requires the same key even when the toleration has none, instead of matching every key',
    edits: [{ file: File, find: KeyCheck, replace: '  if (toleration.key !== taint.key) return false;\n' }],
  },
  {
    id: 'exists-compares-values',
    exercise: 'tolerates-taint',
    mistake: 'compares the values under Exists too, so Exists (which has no value) tolerates only value-less taints',
    edits: [
      {
        file: File,
        find: "    case 'Exists':\n      return true;\n",
        replace: "    case 'Exists':\n      return toleration.value === taint.value;\n",
      },
    ],
  },
  {
    id: 'missing-operator-matches-nothing',
    exercise: 'tolerates-taint',
    mistake: 'forgets that an absent operator means Equal, so such a toleration matches nothing',
    edits: [
      {
        file: File,
        find: "  switch (toleration.operator ?? 'Equal') {\n",
        replace: '  switch (toleration.operator) {\n',
      },
    ],
  },
  {
    id: 'equal-ignores-values',
    exercise: 'tolerates-taint',
    mistake: 'treats Equal like Exists once the key matches, so a toleration for another value lifts the taint',
    edits: [
      {
        file: File,
        find: "      return (toleration.value ?? '') === (taint.value ?? '');\n",
        replace: '      return true;\n',
      },
    ],
  },
];
