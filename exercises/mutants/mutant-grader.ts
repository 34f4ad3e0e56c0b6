// Grading a mutant the way the watch mode grades a learner's save: write the code, build it,
// restart the components that run it, run the exercise's scenarios on the warm cluster.
//
// One warm cluster serves every mutant of an exercise, so a mutant costs a build, a restart and
// the scenarios (seconds), not a cluster (tens of seconds). Each grade writes every file of the
// exercise, mutated or not, so a mutant never outlives its grade; `restore` puts the
// reference back at the end.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Cluster } from '../../impl/cluster/cluster.js';
import type { Exercise } from '../catalog.js';
import { codeHash } from '../code-hash.js';
import { type Grade, NotRunReason, roundPoints, type ScenarioGrade, StopAfterFailuresVariable } from '../grade.js';
import { ClusterCodeHashVariable } from '../grading-cluster.js';
import { GradeJsonFile } from '../grading-formatter.js';
import type { IncrementalBuild } from '../incremental-build.js';
import { componentsToReload, reloadComponents } from '../warm-cluster.js';

/** What one version of an exercise's code earned. */
export interface CodeGrade {
  earned: number;
  points: number;
  /** The scenarios that did not pass: what caught a mutant. */
  caughtBy: ScenarioGrade[];
  /** Scenarios skipped once the grade was settled; earned then counts them as passed. */
  notRun?: number;
  /** The exercise's scenarios that apply on this cluster, run or not. */
  scenarios?: number;
  /** Why it could not be graded: it does not typecheck, or the run wrote no grade. */
  problem?: string;
  /** What the scenarios printed: why each failed. */
  output?: string;
  seconds: number;
}

export class MutantGrader {
  private readonly originals: Map<string, string>;

  constructor(
    private readonly cluster: Cluster,
    private readonly projectDir: string,
    files: readonly string[],
    /** The project's build, kept warm across mutants: each changes one file or two. */
    private readonly build: IncrementalBuild,
  ) {
    this.originals = new Map(files.map((file) => [file, readFileSync(path.join(projectDir, file), 'utf8')]));
  }

  /** The reference text of a file, as it was when the grader was made. */
  original(file: string): string {
    const text = this.originals.get(file);
    if (text === undefined) throw new Error(`MutantGrader: ${file} is not a file it grades`);
    return text;
  }

  /**
   * Grade `exercise` with `texts` in place of its files (the reference where absent).
   * `stopAfterFailures` skips the scenarios left once that many failed: what it earns is then
   * an upper bound (earnedAtMost), enough to know a mutant earns at most half, in less time.
   */
  async grade(
    exercise: Exercise,
    texts: ReadonlyMap<string, string> = new Map(),
    stopAfterFailures?: number,
  ): Promise<CodeGrade> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    for (const file of exercise.files) this.write(file, texts.get(file) ?? this.original(file));
    const build = this.build.build();
    if (!build.ok)
      return { earned: 0, points: exercise.points, caughtBy: [], problem: build.output, seconds: seconds() };
    try {
      await reloadComponents(this.cluster, componentsToReload(exercise.files));
    } catch (error) {
      // A mutant may keep a component from starting; its scenarios then fail, as a learner's would.
      console.log(`  # restart after the change failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const gradeFile = path.join(this.projectDir, GradeJsonFile);
    rmSync(gradeFile, { force: true });
    const scenarios = await run(this.projectDir, 'node', ['dist/exercises/run-tests.js', exercise.id], {
      KUBELAB_KUBECONFIG: this.cluster.kubeconfigPath,
      // The cluster runs the code just built, so the run may grade it (grading-cluster.ts).
      [ClusterCodeHashVariable]: codeHash(this.projectDir),
      ...(stopAfterFailures === undefined ? {} : { [StopAfterFailuresVariable]: String(stopAfterFailures) }),
    });
    const graded = existsSync(gradeFile)
      ? (JSON.parse(readFileSync(gradeFile, 'utf8')) as Grade).exercises.find((found) => found.id === exercise.id)
      : undefined;
    if (!graded)
      return {
        earned: 0,
        points: exercise.points,
        caughtBy: [],
        problem: 'the run wrote no grade',
        output: scenarios.output,
        seconds: seconds(),
      };
    const notRun = graded.scenarios.filter((scenario) => scenario.actual?.endsWith(NotRunReason)).length;
    const caughtBy = graded.scenarios.filter(
      (scenario) => scenario.status !== 'passed' && !scenario.actual?.endsWith(NotRunReason),
    );
    // A scenario not run might have passed: count it so, and the grade is the most it could be.
    const counted = graded.applicable + notRun;
    const earned = notRun === 0 ? graded.earned : roundPoints((graded.points * (graded.passed + notRun)) / counted);
    return {
      earned,
      points: graded.points,
      caughtBy,
      notRun,
      scenarios: counted,
      output: scenarios.output,
      seconds: seconds(),
    };
  }

  /** Put every file back as it was, and build it. */
  async restore(): Promise<void> {
    for (const [file, text] of this.originals) this.write(file, text);
    this.build.build();
  }

  private write(file: string, text: string): void {
    const full = path.join(this.projectDir, file);
    // Only when it changes: an unchanged file keeps its time, and tsc's incremental build skips it.
    if (readFileSync(full, 'utf8') !== text) writeFileSync(full, text);
  }
}

function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
