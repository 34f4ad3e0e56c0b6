// Wrong solutions of the exercise tolerates-taint: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('tolerates-taint', 'impl/client/tolerations.ts');

const EffectCheck = '  if (toleration.effect && toleration.effect !== taint.effect) return false;\n';
const KeyCheck = '  if (toleration.key && toleration.key !== taint.key) return false;\n';

export const toleratesTaintMutants: Mutant[] = [
  mutant('effect-ignored', 'never compares the effects, so a PreferNoSchedule toleration lifts a NoSchedule taint', [
    EffectCheck,
    '',
  ]),
  mutant('key-ignored', 'never compares the keys, so Exists on any key tolerates every taint', [KeyCheck, '']),
  mutant(
    'empty-effect-matches-nothing',
    'requires the same effect even when the toleration has none, instead of matching every effect',
    [EffectCheck, '  if (toleration.effect !== taint.effect) return false;\n'],
  ),
  mutant(
    'empty-key-matches-nothing',
    'requires the same key even when the toleration has none, instead of matching every key',
    [KeyCheck, '  if (toleration.key !== taint.key) return false;\n'],
  ),
  mutant(
    'exists-compares-values',
    'compares the values under Exists too, so Exists (which has no value) tolerates only value-less taints',
    [
      "    case 'Exists':\n      return true;\n",
      "    case 'Exists':\n      return toleration.value === taint.value;\n",
    ],
  ),
  mutant(
    'missing-operator-matches-nothing',
    'forgets that an absent operator means Equal, so such a toleration matches nothing',
    ["  switch (toleration.operator ?? 'Equal') {\n", '  switch (toleration.operator) {\n'],
  ),
  mutant(
    'equal-ignores-values',
    'treats Equal like Exists once the key matches, so a toleration for another value lifts the taint',
    ["      return (toleration.value ?? '') === (taint.value ?? '');\n", '      return true;\n'],
  ),
];
