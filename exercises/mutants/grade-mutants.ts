// Grade mutants on a warm cluster per exercise; run inside a copy of the reference repository.
//
//   node dist/exercises/mutants/grade-mutants.js [--exercises <id>,...] [--generated]
//
// Hand-written mutants (mutant.ts) by default: each must earn at most half of its exercise's
// points. `--generated` grades Stryker's mutants instead (generated-mutants.ts) and prints a
// mutation score per exercise: the share of mutants some scenario caught, not counting the
// ones that do not typecheck. Before an exercise's mutants, its reference solution is graded
// the same way, as a control: it must earn full marks, or the verdicts mean nothing; and
// again after them, on the same cluster, which must not have been left worse by them.
// Writes reports/mutants.json; the student-edition check reads it (scripts/).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Cluster, startCluster } from '../../impl/cluster/cluster.js';
import { watchOwner } from '../../impl/cluster/owner-watchdog.js';
import { TestClusterOptions } from '../../impl/cluster/test-cluster-options.js';
import { PROJECT_DIR } from '../../impl/project-root.js';
import { type Exercise, loadExercises } from '../catalog.js';
import { IncrementalBuild } from '../incremental-build.js';
import { componentsToReload } from '../warm-cluster.js';
import { AllMutants } from './all.js';
import { generateMutants } from './generated-mutants.js';
import { applyMutant, mutantName } from './mutant.js';
import { type CodeGrade, MutantGrader } from './mutant-grader.js';
import { strayKeys } from './stray-keys.js';
import { type ExerciseMutants, MutantsReportFile, type MutantVerdict, mutationScore } from './verdicts.js';

interface Candidate {
  name: string;
  mistake: string;
  texts: (grader: MutantGrader) => Map<string, string>;
}

async function candidatesFor(exercise: Exercise, isGenerated: boolean, grader: MutantGrader): Promise<Candidate[]> {
  if (isGenerated) {
    const generated = await generateMutants(exercise, (file) => grader.original(file));
    return generated.map((mutant) => ({
      name: mutant.name,
      mistake: mutant.change,
      texts: () => new Map([[mutant.file, mutant.text]]),
    }));
  }
  return AllMutants.filter((mutant) => mutant.exercise === exercise.id).map((mutant) => ({
    name: mutantName(mutant),
    mistake: mutant.mistake,
    texts: (current) =>
      new Map(exercise.files.map((file) => [file, applyMutant(file, current.original(file), mutant)])),
  }));
}

function verdict(name: string, mistake: string, grade: CodeGrade): MutantVerdict {
  const caughtBy = grade.caughtBy.map((scenario) => `${scenario.uri} "${scenario.name}"`);
  const problem = grade.problem?.split('\n').slice(0, 5).join('\n');
  const { earned, points, notRun, seconds } = grade;
  return { name, mistake, earned, points, caughtBy, problem, seconds, ...(notRun ? { notRun } : {}) };
}

function print(label: string, result: MutantVerdict): void {
  const outcome = result.problem
    ? `not graded: ${result.problem.split('\n')[0]}`
    : result.notRun
      ? `earns at most ${result.earned} of ${result.points}, settled with ${result.notRun} scenario(s) not run`
      : `earns ${result.earned} of ${result.points}`;
  console.log(`${label} ${result.name}: ${outcome} (${result.seconds.toFixed(1)} s)`);
  for (const scenario of result.caughtBy.slice(0, 3)) console.log(`    caught by ${scenario}`);
}

async function main(args: string[]): Promise<void> {
  const isGenerated = args.includes('--generated');
  const chosen = args
    .find((arg) => arg.startsWith('--exercises='))
    ?.slice('--exercises='.length)
    .split(',');
  const exercises = loadExercises().filter((exercise) => !chosen || chosen.includes(exercise.id));
  const name = process.env.KUBELAB_CLUSTER_NAME ?? 'kubelab-mutants';
  // Killed outright, this process cannot stop its cluster: the watchdog does.
  const watchdog = watchOwner(name);
  let current: { cluster: Cluster; grader: MutantGrader } | undefined;
  const stop = async () => {
    await current?.grader.restore();
    await current?.cluster.stop();
    current = undefined;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  const report: ExerciseMutants[] = [];
  const build = new IncrementalBuild(PROJECT_DIR);
  const freshCluster = async (exercise: Exercise) => {
    await stop();
    const cluster = await startCluster({ ...TestClusterOptions, name });
    current = { cluster, grader: new MutantGrader(cluster, PROJECT_DIR, exercise.files, build) };
    return current;
  };
  for (const exercise of exercises) {
    // A cluster per exercise: one exercise's mutants restart the API server again and again,
    // and the controller managers it leaves in back-off would fail the next one's control.
    let { cluster, grader } = await freshCluster(exercise);
    try {
      const reference = await grader.grade(exercise);
      const control = verdict(`${exercise.id} (reference)`, 'the solution', reference);
      print('control', control);
      // The control must pass; when it does not, say why in full, or no verdict means anything.
      if (control.earned < control.points) console.log(reference.output ?? '');
      const mutants: MutantVerdict[] = [];
      const restarts = componentsToReload(exercise.files);
      const writesEtcd = restarts.includes('apiserver');
      // A mutant earns at most half once half the scenarios failed: the rest need not run.
      // Stryker's mutants need only one failure to count as killed.
      const stopAfterFailures = isGenerated ? 1 : Math.max(1, Math.ceil((reference.scenarios ?? 0) / 2));
      for (const candidate of await candidatesFor(exercise, isGenerated, grader)) {
        const result = verdict(
          candidate.name,
          candidate.mistake,
          await grader.grade(exercise, candidate.texts(grader), stopAfterFailures),
        );
        print('mutant', result);
        mutants.push(result);
        // Objects it stored at wrong keys would fail whatever is graded next: start clean.
        // Only a mutant of the API server can put them there; other components write through
        // the reference API server. A store that cannot be read is no cleaner than one with strays.
        if (!writesEtcd) continue;
        const strays = await strayKeys(cluster.etcd.getClientUrl()).catch((error: unknown) => [
          `(etcd could not be read: ${error instanceof Error ? error.message : String(error)})`,
        ]);
        if (strays.length > 0) {
          console.log(`    left ${strays.length} stray key(s), such as ${strays[0]}: a fresh cluster`);
          ({ cluster, grader } = await freshCluster(exercise));
        }
      }
      // Again after the mutants: a cluster they left broken would have caught them all unfairly.
      // Mutants no component ran (the kubelet's: each scenario starts its nodes anew) cannot.
      const controlAfter = restarts.length > 0 ? await gradeAgain(grader, exercise) : undefined;
      if (restarts.length === 0)
        console.log('  # the reference is not graded again: no component of the cluster ran the mutants');
      report.push({ exercise: exercise.id, points: exercise.points, control, controlAfter, mutants });
      writeReport(report);
    } finally {
      await stop();
    }
  }
  await watchdog.release();
  if (isGenerated) printScores(report);
}

function writeReport(report: ExerciseMutants[]): void {
  const file = path.join(PROJECT_DIR, MutantsReportFile);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

function printScores(report: ExerciseMutants[]): void {
  console.log('\nmutation score (killed / mutants that typecheck):');
  for (const { exercise, mutants } of report) {
    const { killed, counted } = mutationScore(mutants);
    const percent = counted === 0 ? 0 : (100 * killed) / counted;
    console.log(
      `  ${exercise.padEnd(24)} ${String(killed).padStart(3)} / ${String(counted).padEnd(3)} ${percent.toFixed(0)}%`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

async function gradeAgain(grader: MutantGrader, exercise: Exercise): Promise<MutantVerdict> {
  const after = await grader.grade(exercise);
  const controlAfter = verdict(`${exercise.id} (reference, after the mutants)`, 'the solution', after);
  print('control', controlAfter);
  if (controlAfter.earned < controlAfter.points) console.log(after.output ?? '');
  return controlAfter;
}
