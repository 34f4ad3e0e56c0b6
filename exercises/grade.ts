// The grade: one result schema for the terminal, classroom autograders and the lessons.
//
// Each exercise earns points × passed / applicable of the scenarios tagged `@exercise-<id>`.
// A failing scenario whose error says another exercise "is not solved yet" is *blocked* by
// that exercise rather than failed by its own: the learner sees where to start. A scenario the
// cluster cannot run (no etcd to read, no audit log) is *not applicable* and counts neither
// way. Scenarios outside every exercise are summed apart: in a student edition they must still
// pass, or be blocked by a stub, or the edition itself is broken. Exercises earn points only on a
// cluster that runs the graded code (grading-cluster.ts); elsewhere they are "not graded".

import { type Exercise, exerciseTag, unsolvedExerciseIn } from './catalog.js';
import { outcomeOf } from './assertion-message.js';
import type { GradingCluster } from './grading-cluster.js';

export const GradeSchema = 'kubelab.grade/v1';
/** How a hook that skips a scenario says it is not applicable, not failed (see steps/support/hooks.ts). */
export const NotApplicablePrefix = 'not applicable: ';
/**
 * Mutant grading stops once enough scenarios failed to hold the grade at half or below: the
 * scenarios after that are skipped as not applicable, with this reason, and counted as passed.
 */
export const StopAfterFailuresVariable = 'KUBELAB_STOP_AFTER_FAILURES';
export const NotRunReason = 'not run: enough scenarios failed before it to settle the grade';

/** One scenario as the run ended it. */
export interface ScenarioResult {
  name: string;
  /** `<feature file>:<line>`. */
  uri: string;
  tags: string[];
  status: 'passed' | 'failed' | 'not-applicable';
  /** The failed step's error message, or why the scenario was not applicable. */
  message?: string;
}

export type ScenarioStatus = 'passed' | 'failed' | 'blocked' | 'not-applicable';

export interface ScenarioGrade {
  name: string;
  uri: string;
  status: ScenarioStatus;
  expected?: string;
  actual?: string;
  /** The exercise whose stub stopped this scenario, when it is blocked. */
  blockedBy?: string;
  /** The first-tier hint of the exercise, or which exercise to solve first. */
  hint?: string;
}

export interface ExerciseGrade {
  id: string;
  title: string;
  lesson: string;
  section: string;
  points: number;
  earned: number;
  passed: number;
  /** Scenarios that count: every tagged one that is applicable. */
  applicable: number;
  /** Not graded: the cluster did not run this code (see Grade.cluster); earned is 0, not a failure. */
  notGraded?: boolean;
  scenarios: ScenarioGrade[];
}

export interface Tally {
  passed: number;
  failed: number;
  blocked: number;
  notApplicable: number;
}

export interface Grade {
  schema: typeof GradeSchema;
  edition: 'student' | 'reference';
  /** The hash of impl/, features/ and steps/ this run graded (code-hash.ts). */
  codeHash: string;
  /** Whether the run started its cluster, and whether exercises could be graded on it. */
  cluster: Omit<GradingCluster, 'codeHash'>;
  exercises: ExerciseGrade[];
  earned: number;
  points: number;
  /** Scenarios outside every exercise, and the ones among them that did not pass. */
  outside: Tally & { problems: ScenarioGrade[] };
}

/** Grade a run: only exercises with at least one scenario in it are listed. */
export function gradeRun(
  exercises: Exercise[],
  results: ScenarioResult[],
  edition: Grade['edition'],
  { codeHash, ...cluster }: GradingCluster,
): Grade {
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const graded = exercises
    .map((exercise) =>
      gradeExercise(
        exercise,
        results.filter((result) => result.tags.includes(exerciseTag(exercise.id))),
        byId,
      ),
    )
    .filter((grade) => grade.scenarios.length > 0)
    .map((grade) => (cluster.isGraded ? grade : { ...grade, earned: 0, notGraded: true }));
  const outsideResults = results.filter((result) => !result.tags.some((tag) => tag.startsWith('@exercise-')));
  const outside = outsideResults.map((result) => gradeScenario(result, undefined, byId));
  return {
    schema: GradeSchema,
    edition,
    codeHash,
    cluster,
    exercises: graded,
    earned: roundPoints(graded.reduce((sum, grade) => sum + grade.earned, 0)),
    // An exercise none of whose scenarios apply to this cluster is left out of the total.
    points: graded.filter((grade) => grade.applicable > 0).reduce((sum, grade) => sum + grade.points, 0),
    outside: {
      ...tally(outside),
      problems: outside.filter((scenario) => scenario.status === 'failed' || scenario.status === 'blocked'),
    },
  };
}

export function tally(scenarios: ScenarioGrade[]): Tally {
  const count = (status: ScenarioStatus) => scenarios.filter((scenario) => scenario.status === status).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    blocked: count('blocked'),
    notApplicable: count('not-applicable'),
  };
}

function gradeExercise(exercise: Exercise, results: ScenarioResult[], byId: Map<string, Exercise>): ExerciseGrade {
  const scenarios = results.map((result) => gradeScenario(result, exercise, byId));
  const applicable = scenarios.filter((scenario) => scenario.status !== 'not-applicable').length;
  const passed = scenarios.filter((scenario) => scenario.status === 'passed').length;
  const { id, title, lesson, section, points } = exercise;
  return {
    id,
    title,
    lesson,
    section,
    points,
    earned: applicable === 0 ? 0 : roundPoints((points * passed) / applicable),
    passed,
    applicable,
    scenarios,
  };
}

function gradeScenario(
  result: ScenarioResult,
  exercise: Exercise | undefined,
  byId: Map<string, Exercise>,
): ScenarioGrade {
  const { name, uri } = result;
  if (result.status === 'passed') return { name, uri, status: 'passed' };
  if (result.status === 'not-applicable') return { name, uri, status: 'not-applicable', actual: result.message };
  const message = result.message ?? 'the scenario did not pass';
  const outcome = outcomeOf(message);
  const unsolved = unsolvedExerciseIn(message);
  if (unsolved !== undefined && unsolved !== exercise?.id) {
    return {
      name,
      uri,
      status: 'blocked',
      ...outcome,
      blockedBy: unsolved,
      hint: `solve ${unsolved} first: ${byId.get(unsolved)?.hints[0] ?? ''}`.trim(),
    };
  }
  return { name, uri, status: 'failed', ...outcome, hint: exercise?.hints[0] };
}

/** Points to two decimals, as every grade shows them. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}
