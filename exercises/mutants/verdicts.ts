// What grading mutants found: reports/mutants.json, written by grade-mutants.ts in each copy
// of the reference and read by the student-edition check and `npm run mutation`.

export const MutantsReportFile = 'reports/mutants.json';

/** One mutant's verdict, as reports/mutants.json records it. */
export interface MutantVerdict {
  name: string;
  /** The learner's mistake (hand-written) or the change Stryker made (generated). */
  mistake: string;
  /** With scenarios not run (notRun), the most it could earn: they count as passed. */
  earned: number;
  points: number;
  /** Scenarios skipped once enough had failed to settle the grade. */
  notRun?: number;
  /** `<feature>:<line> "<scenario>"` for each scenario that did not pass. */
  caughtBy: string[];
  problem?: string;
  seconds: number;
}

export interface ExerciseMutants {
  exercise: string;
  points: number;
  /**
   * The reference solution, graded the same way, before the mutants and after them; not after
   * them when no component of the cluster ran them (the kubelet's, run by each scenario's nodes).
   */
  control: MutantVerdict;
  controlAfter?: MutantVerdict;
  mutants: MutantVerdict[];
}

/** Killed: some scenario failed. Not counted: it does not typecheck (Stryker's CompileError). */
export function mutationScore(mutants: readonly MutantVerdict[]): { killed: number; counted: number } {
  const counted = mutants.filter((mutant) => !mutant.problem?.includes('error TS'));
  return { killed: counted.filter((mutant) => mutant.earned < mutant.points).length, counted: counted.length };
}
