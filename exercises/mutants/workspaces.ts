// Mutants are graded in copies of the reference, never in it: a mutant written into the
// repository itself would outlive an interrupted run. Each copy has a warm cluster of its own,
// so `jobs` copies grade side by side; their clusters mostly wait on clocks, not on the
// processor, as the student-edition check's editions do.

import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../catalog.js';
import { type ExerciseMutants, MutantsReportFile } from './verdicts.js';

/** A copy of the files git tracks in `projectDir`, with its node_modules hard-linked, built. */
export function copyReference(projectDir: string, targetDir: string): void {
  rmSync(targetDir, { recursive: true, force: true });
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: projectDir, encoding: 'utf8', maxBuffer: 1 << 26 });
  for (const file of tracked.split('\0').filter((name) => name !== '')) {
    if (!existsSync(path.join(projectDir, file))) continue;
    mkdirSync(path.dirname(path.join(targetDir, file)), { recursive: true });
    copyFileSync(path.join(projectDir, file), path.join(targetDir, file));
  }
  execFileSync('cp', ['-al', path.join(projectDir, 'node_modules'), path.join(targetDir, 'node_modules')]);
  execFileSync(path.join(targetDir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: targetDir });
}

export interface MutantRun {
  exercises: readonly Exercise[];
  isGenerated: boolean;
  jobs: number;
  /** Where the copies go; each gets `slot-<n>/` and a log beside it. */
  workDir: string;
  /** Slot n's cluster is `<clusterPrefix>-<n>`; runs side by side need different ones. */
  clusterPrefix?: string;
  projectDir: string;
}

/** Share the exercises between `jobs` copies, grade their mutants, and gather the reports. */
export async function gradeMutantsInCopies(run: MutantRun): Promise<ExerciseMutants[]> {
  const slots = Array.from({ length: Math.max(1, Math.min(run.jobs, run.exercises.length)) }, () => [] as Exercise[]);
  // In the catalogue's order, round the slots: neighbours (the store's, the scheduler's) differ in cost.
  for (const [index, exercise] of run.exercises.entries()) slots[index % slots.length]?.push(exercise);
  const copies = new MutantCopies(run);
  const reports = await Promise.all(slots.map((exercises, slot) => copies.grade(exercises, slot)));
  return reports.flat();
}

/**
 * The copies of one run, one per slot, each made the first time its slot grades: a pool of
 * slots that grades other work too (the student-edition check's editions) asks for one
 * exercise at a time, on whichever slot is free.
 */
export class MutantCopies {
  private readonly made = new Set<number>();

  constructor(private readonly run: Omit<MutantRun, 'exercises' | 'jobs'>) {}

  /** Grade the mutants of `exercises` in slot `slot`'s copy, on its cluster; returns their reports. */
  async grade(exercises: readonly Exercise[], slot: number): Promise<ExerciseMutants[]> {
    const dir = path.join(this.run.workDir, `slot-${slot}`);
    if (!this.made.has(slot)) copyReference(this.run.projectDir, dir);
    this.made.add(slot);
    // A report left by the slot's last exercise must not pass for this one's.
    rmSync(path.join(dir, MutantsReportFile), { force: true });
    const args = [
      'dist/exercises/mutants/grade-mutants.js',
      `--exercises=${exercises.map((exercise) => exercise.id).join(',')}`,
      ...(this.run.isGenerated ? ['--generated'] : []),
    ];
    const env = { ...process.env, KUBELAB_CLUSTER_NAME: `${this.run.clusterPrefix ?? 'kubelab-mutants'}-${slot}` };
    await new Promise<void>((resolve) => {
      const child = spawn('node', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const prefix = `[slot ${slot}] `;
      const relay = (chunk: Buffer) => process.stdout.write(chunk.toString('utf8').replace(/^(?=.)/gm, prefix));
      child.stdout.on('data', relay);
      child.stderr.on('data', relay);
      child.on('close', () => resolve());
    });
    const file = path.join(dir, MutantsReportFile);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ExerciseMutants[]) : [];
  }
}
