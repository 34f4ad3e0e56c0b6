// `npm run exercise -- <exercise-id> [--hint | --reset | --reset-all]`: work on one exercise.
//
// Rustlings' loop for a cluster: start a cluster once and keep it warm; on every save of the
// exercise's files, typecheck and build, restart the components that run them (the API server,
// the scheduler or the controller managers: the component table says which), run
// the exercise's scenarios against the warm cluster, and print the verdict with the time from
// save to verdict. Keys: h shows the next tier of hints, r runs again, q quits (and removes
// the cluster). `--hint` prints the hints shown so far plus one more tier; `--reset` puts the
// stub back (student edition only). Progress is kept in .kubelab/progress.json.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import type { Cluster } from '../impl/cluster/cluster.js';
import { PROJECT_DIR } from '../impl/project-root.js';
import { type Exercise, findExercise, loadExercises } from './catalog.js';
import { codeHash } from './code-hash.js';
import type { Grade } from './grade.js';
import { ClusterCodeHashVariable } from './grading-cluster.js';
import { GradeJsonFile } from './grading-formatter.js';
import { IncrementalBuild } from './incremental-build.js';
import { loadProgress, nextHints, progressOf, recordGrade } from './progress.js';
import { resetExercises } from './reset.js';
import { componentsToReload, reloadComponents, startWarmCluster } from './warm-cluster.js';

const Usage = 'usage: npm run exercise -- <exercise-id> [--hint | --reset] | --reset-all';
const SaveSettleMs = 150;

interface Timings {
  build: number;
  restart: number;
  scenarios: number;
}

class ExerciseSession {
  private isRunning = false;
  private isRunPending = false;
  /** Kept between saves: a save rebuilds in about a second, not a fresh tsc's eight. */
  private readonly build = new IncrementalBuild(PROJECT_DIR);

  constructor(
    private readonly exercise: Exercise,
    private readonly cluster: Cluster,
  ) {}

  /** Build, restart, grade; a save during a run queues one more run. */
  async run(reason: string): Promise<void> {
    if (this.isRunning) {
      this.isRunPending = true;
      return;
    }
    this.isRunning = true;
    console.log(`\n── ${reason}: building and grading ${this.exercise.id} ──`);
    const started = performance.now();
    const timings = await this.buildAndGrade();
    if (timings) {
      const total = (performance.now() - started) / 1000;
      const restarted = componentsToReload(this.exercise.files).join(', ');
      const build = `build ${timings.build.toFixed(1)} s`;
      const restart = restarted
        ? `restart of ${restarted} ${timings.restart.toFixed(1)} s`
        : 'no restart (real nodes run it)';
      const parts = `${build}, ${restart}, scenarios ${timings.scenarios.toFixed(1)} s`;
      console.log(
        `verdict in ${total.toFixed(1)} s (${parts}); edit ${this.exercise.files.join(', ')} and save, ` +
          `or press h for a hint, r to run again, q to quit`,
      );
    }
    this.isRunning = false;
    if (this.isRunPending) {
      this.isRunPending = false;
      await this.run('changed again');
    }
  }

  private async buildAndGrade(): Promise<Timings | undefined> {
    // The code as it is when the build reads it: what the restarted components will run.
    const builtHash = codeHash(PROJECT_DIR);
    const buildStarted = performance.now();
    const build = this.build.build();
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    if (!build.ok) {
      console.log(
        `${build.output}\nThe code does not typecheck yet (${buildSeconds.toFixed(1)} s): ` +
          `fix the errors above and save again.`,
      );
      return undefined;
    }
    const restart = await reloadComponents(this.cluster, componentsToReload(this.exercise.files));
    const scenariosStarted = performance.now();
    await runProcess(
      'node',
      ['dist/exercises/run-tests.js', this.exercise.id],
      // The cluster runs the code just built: the run may grade it (grading-cluster.ts).
      { KUBELAB_KUBECONFIG: this.cluster.kubeconfigPath, [ClusterCodeHashVariable]: builtHash },
    );
    const scenarios = (performance.now() - scenariosStarted) / 1000;
    this.recordVerdict();
    return { build: buildSeconds, restart, scenarios };
  }

  private recordVerdict(): void {
    const file = path.join(PROJECT_DIR, GradeJsonFile);
    const graded = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Grade).exercises.find(
          (candidate) => candidate.id === this.exercise.id,
        )
      : undefined;
    if (!graded) return;
    const progress = recordGrade(this.exercise, graded);
    console.log(
      progress.isSolved
        ? `\n✓ ${this.exercise.id} is solved: ${progress.earned} / ${progress.points}. On to the next exercise!`
        : '',
    );
  }
}

/** Runs a command in the project, its output on the terminal; resolves with its exit code. */
function runProcess(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_DIR, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function printHints(exercise: Exercise): void {
  const hints = nextHints(exercise);
  for (const [index, hint] of hints.entries()) console.log(`hint ${index + 1} of ${exercise.hints.length}: ${hint}`);
  if (hints.length < exercise.hints.length) console.log('(ask again for the next tier)');
}

function watchFiles(exercise: Exercise, onSave: (file: string) => void): void {
  let timer: NodeJS.Timeout | undefined;
  // Watch the folders, not the files: many editors save by renaming a new file over the old.
  for (const file of exercise.files) {
    watch(path.join(PROJECT_DIR, path.dirname(file)), (_event, changed) => {
      if (changed !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => onSave(file), SaveSettleMs);
    });
  }
}

function listenToKeys(exercise: Exercise, session: ExerciseSession, quit: () => void): void {
  if (!process.stdin.isTTY) return;
  process.stdin.setRawMode(true);
  process.stdin.on('data', (key: Buffer) => {
    const pressed = key.toString('utf8');
    if (pressed === 'h') printHints(exercise);
    if (pressed === 'r') void session.run('run again');
    if (pressed === 'q' || pressed === '\u0003') quit();
  });
}

async function main(args: string[]): Promise<void> {
  const exercises = loadExercises();
  if (args.includes('--reset-all')) {
    console.log(`stubs put back in ${resetExercises(exercises).join(', ')}`);
    return;
  }
  const id = args.find((arg) => !arg.startsWith('--'));
  if (id === undefined) throw new Error(`${Usage}\nexercises: ${exercises.map((exercise) => exercise.id).join(', ')}`);
  const exercise = findExercise(exercises, id);
  if (args.includes('--reset')) {
    console.log(`the stub of ${exercise.id} is back in ${resetExercises([exercise]).join(', ')}`);
    return;
  }
  if (args.includes('--hint')) {
    printHints(exercise);
    return;
  }
  const progress = progressOf(loadProgress(), exercise);
  console.log(`${exercise.id}: ${exercise.title} (${exercise.points} points; so far ${progress.earned})`);
  console.log(`lesson ${exercise.lesson} § ${exercise.section}; files: ${exercise.files.join(', ')}`);
  console.log('starting a cluster to keep warm while you work...');
  const cluster = await startWarmCluster();
  const session = new ExerciseSession(exercise, cluster);
  const quit = () => void cluster.stop().finally(() => process.exit(0));
  listenToKeys(exercise, session, quit);
  watchFiles(exercise, (file) => void session.run(`${file} saved`));
  await session.run('first run');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
