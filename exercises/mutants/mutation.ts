// `npm run mutation [-- --exercises=<id>,... --jobs=<n>]`: the mutation score of every exercise.
//
// Grades every mutant Stryker makes in the exercise regions (generated-mutants.ts) on warm
// clusters in copies of the repository, and prints, per exercise, the share some scenario
// caught. The aim is 80% in every exercise; a survivor names a line of the solution no
// scenario checks. It takes long (a build, a restart and the exercise's scenarios per mutant),
// so CI grades the hand-written mutants instead (scripts/check-student-edition.mjs).

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../impl/project-root.js';
import { loadExercises } from '../catalog.js';
import { type MutantVerdict, mutationScore } from './verdicts.js';
import { gradeMutantsInCopies } from './workspaces.js';

export const MutationAim = 0.8;
const ReportFile = 'reports/mutation.json';

async function main(args: string[]): Promise<void> {
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const chosen = option('exercises')?.split(',');
  const exercises = loadExercises().filter((exercise) => !chosen || chosen.includes(exercise.id));
  const started = performance.now();
  const report = await gradeMutantsInCopies({
    exercises,
    isGenerated: true,
    jobs: Number(option('jobs') ?? 2),
    workDir: path.join(PROJECT_DIR, '.kubelab', 'mutation'),
    projectDir: PROJECT_DIR,
  });
  writeFileSync(path.join(PROJECT_DIR, ReportFile), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nmutation score per exercise (caught / mutants that typecheck), aim ${MutationAim * 100}%:`);
  let isBelowAim = report.length < exercises.length;
  for (const { exercise, control, controlAfter, mutants } of report) {
    const { killed, counted } = mutationScore(mutants);
    const score = counted === 0 ? 0 : killed / counted;
    const isFull = (verdict: MutantVerdict | undefined) => !verdict || verdict.earned === verdict.points;
    const isControlFull = isFull(control) && isFull(controlAfter);
    isBelowAim ||= score < MutationAim || !isControlFull;
    const warning = isControlFull ? '' : `  (the reference lost points beside the mutants: not valid)`;
    console.log(
      `  ${exercise.padEnd(24)} ${`${killed} / ${counted}`.padEnd(9)} ${(100 * score).toFixed(0)}%${warning}`,
    );
  }
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `${report.flatMap((entry) => entry.mutants).length} mutants in ${minutes.toFixed(1)} min; details in ${ReportFile}`,
  );
  process.exit(isBelowAim ? 1 : 0);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
