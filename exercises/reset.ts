// `--reset`: put an exercise's stub back, in a student edition only.
//
// The stubs are made by the same rule as the generator's (stub.ts), applied to the learner's
// current files, so a reset exercise is exactly as the student edition shipped it. The
// reference repository refuses: there, the regions hold the solutions.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../impl/project-root.js';
import { type Exercise, studentEdition } from './catalog.js';
import { stubExercises } from './stub.js';

export function resetExercises(exercises: Exercise[]): string[] {
  if (!studentEdition())
    throw new Error(
      '--reset works in a student edition only: this repository holds the solutions (see npm run student-edition)',
    );
  const files = [...new Set(exercises.flatMap((exercise) => exercise.files))];
  for (const file of files) {
    const fullPath = path.join(PROJECT_DIR, file);
    const owners = exercises.filter((exercise) => exercise.files.includes(file));
    writeFileSync(fullPath, stubExercises(file, readFileSync(fullPath, 'utf8'), owners));
  }
  return files;
}
