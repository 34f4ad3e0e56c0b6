// `npm test [-- <exercise-id>... | <cucumber-js arguments>]`: run the features and grade.
//
// An argument that names an exercise becomes `--tags @exercise-<id>`, so `npm test --
// registry-key` runs and grades only that exercise; anything else goes to cucumber-js as it
// is. cucumber.mjs does the rest: the grading formatter prints progress, failures and the
// grade. The exit status is cucumber's: non-zero until every scenario that ran passes.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../impl/project-root.js';
import { exerciseTag, loadExercises } from './catalog.js';

const CucumberBin = path.join(PROJECT_DIR, 'node_modules', '.bin', 'cucumber-js');

/** The cucumber-js arguments for what was asked. */
export function cucumberArguments(args: string[], exerciseIds: string[]): string[] {
  const chosen = args.filter((arg) => exerciseIds.includes(arg));
  const rest = args.filter((arg) => !exerciseIds.includes(arg));
  if (chosen.length === 0) return rest;
  return ['--tags', chosen.map(exerciseTag).join(' or '), ...rest];
}

/** A bare word that is neither an exercise, an option's value nor a path is a mistyped exercise. */
function unknownExercise(args: string[], exerciseIds: string[]): string | undefined {
  return args.find(
    (arg, index) =>
      /^[a-z][a-z0-9-]*$/.test(arg) &&
      !exerciseIds.includes(arg) &&
      !args[index - 1]?.startsWith('-') &&
      !existsSync(arg),
  );
}

const exerciseIds = loadExercises().map((exercise) => exercise.id);
const unknown = unknownExercise(process.argv.slice(2), exerciseIds);
if (unknown !== undefined) {
  console.error(`npm test: there is no exercise "${unknown}"; the exercises are ${exerciseIds.join(', ')}`);
  process.exit(2);
}
const args = cucumberArguments(process.argv.slice(2), exerciseIds);
const run = spawnSync(CucumberBin, args, { cwd: PROJECT_DIR, stdio: 'inherit' });
if (run.error) {
  console.error(`run-tests: could not run cucumber-js: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
