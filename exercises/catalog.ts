// The exercise catalogue: exercises/exercises.json, the one list the student-edition
// generator, the grader, the watch mode, the lessons site, the region lint and the edition
// check all read, through loadExercises and the Exercise type below.
//
// An exercise is a region of the reference implementation marked as a solution
// (`// #region <id> exercise=<exercise-id> points=<n>`); the catalogue adds what a learner sees:
// a title, the lesson and section that teach it, three tiers of hints and the stub's wording.
// Scenarios that grade it carry the tag `@exercise-<id>`. A copy of the repository with the
// solutions replaced by stubs carries a `.kubelab-student` file at its root.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../impl/project-root.js';

export const CatalogFile = 'exercises/exercises.json';
export const StudentEditionMarker = '.kubelab-student';
/** The wrong solutions CI grades (mutants/mutant.ts); left out of the student edition, as they quote the solutions. */
export const MutantsFolder = 'exercises/mutants';
const ExerciseId = /^[a-z][a-z0-9-]*$/;
const HintTiers = 3;

export interface Exercise {
  id: string;
  title: string;
  points: number;
  /** The lesson that teaches it, and the anchor of the section inside that lesson. */
  lesson: string;
  section: string;
  /** From a nudge to nearly the answer. */
  hints: string[];
  /** The files holding its solution regions, relative to the project root. */
  files: string[];
  /** What the stub tells the learner to do, as a comment above its `throw`. */
  stub: string;
}

/** What the `.kubelab-student` marker records. */
export interface StudentEdition {
  /** The commit of the reference repository the edition was generated from. */
  generatedFrom: string;
  /** The exercises whose solutions were replaced by stubs. */
  stubbed: string[];
  /** Whether the solutions say when they run (exercises/probe.ts): CI's probe edition. */
  probe?: boolean;
}

export function loadExercises(projectDir: string = PROJECT_DIR): Exercise[] {
  const exercises = JSON.parse(readFileSync(path.join(projectDir, CatalogFile), 'utf8')) as Exercise[];
  const seen = new Set<string>();
  for (const exercise of exercises) {
    const problem = catalogProblem(exercise, seen);
    if (problem) throw new Error(`loadExercises: ${CatalogFile}: exercise "${exercise.id}" ${problem}`);
    seen.add(exercise.id);
  }
  return exercises;
}

export function findExercise(exercises: Exercise[], id: string): Exercise {
  const found = exercises.find((exercise) => exercise.id === id);
  if (!found)
    throw new Error(`no exercise "${id}"; the exercises are ${exercises.map((exercise) => exercise.id).join(', ')}`);
  return found;
}

/** The tag of the scenarios that grade an exercise. */
export function exerciseTag(id: string): string {
  return `@exercise-${id}`;
}

/** The student edition's marker, or undefined in the reference repository. */
export function studentEdition(projectDir: string = PROJECT_DIR): StudentEdition | undefined {
  const marker = path.join(projectDir, StudentEditionMarker);
  return existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as StudentEdition) : undefined;
}

/** The message a stub throws: it names the exercise, where it is taught, and how to work on it. */
export function notSolvedMessage(exercise: Exercise): string {
  return (
    `exercise ${exercise.id} is not solved yet: see lesson ${exercise.lesson} (${exercise.section}), ` +
    `or run npm run exercise -- ${exercise.id}`
  );
}

/** Which exercise a failure message says is not solved yet, if any. */
export function unsolvedExerciseIn(message: string): string | undefined {
  return /exercise ([a-z][a-z0-9-]*) is not solved yet/.exec(message)?.[1];
}

function catalogProblem(exercise: Exercise, seen: Set<string>): string | undefined {
  if (!ExerciseId.test(exercise.id)) return 'needs an id in lowercase letters, digits and dashes';
  if (seen.has(exercise.id)) return 'is listed twice';
  if (!Number.isInteger(exercise.points) || exercise.points <= 0) return 'needs a positive whole number of points';
  if (!exercise.title || !exercise.lesson || !exercise.section || !exercise.stub)
    return 'needs a title, a lesson, a section and a stub';
  if (exercise.hints.length !== HintTiers) return `needs exactly ${HintTiers} hints, from a nudge to nearly the answer`;
  if (exercise.files.length === 0) return 'names no file';
  return undefined;
}
