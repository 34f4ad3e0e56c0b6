// Exercises: the graded parts of the reference implementation, listed in their lesson.
//
// exercises/exercises.json holds one entry per exercise: id, title, points, the lesson it
// belongs to (the lesson's slug), hints, and the files it touches; its solution is the code in
// a `// #region <id> exercise=<exercise-id>` region. A lesson's `<Exercises lesson="..." />`
// lists that lesson's entries with their hints; without the file, or without entries for the
// lesson, it lists nothing, so a lesson never waits for its exercises to exist.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../impl/project-root.js';

export const ExercisesFile = path.join(PROJECT_DIR, 'exercises', 'exercises.json');

export interface Exercise {
  id: string;
  title: string;
  points: number;
  lesson: string;
  hints: string[];
  files: string[];
  /** The id of the lesson section the exercise belongs to, if it names one. */
  section?: string;
}

/** Every exercise, or none when exercises/exercises.json does not exist yet. */
export function loadExercises(): Exercise[] {
  if (!existsSync(ExercisesFile)) return [];
  const parsed = JSON.parse(readFileSync(ExercisesFile, 'utf8')) as unknown;
  const entries = Array.isArray(parsed) ? parsed : ((parsed as { exercises?: unknown }).exercises ?? []);
  if (!Array.isArray(entries)) throw new Error('loadExercises: exercises/exercises.json is neither a list nor {"exercises": [...]}');
  return entries.map((entry: unknown, index) => toExercise(entry, index));
}

export function exercisesOf(lesson: string): Exercise[] {
  return loadExercises().filter((exercise) => exercise.lesson === lesson);
}

function toExercise(entry: unknown, index: number): Exercise {
  const { id, title, points, lesson, hints, files, section } = entry as Partial<Exercise>;
  const isValid = typeof id === 'string' && typeof title === 'string' && typeof points === 'number' && typeof lesson === 'string';
  if (!isValid) throw new Error(`loadExercises: entry ${index + 1} of exercises/exercises.json needs id, title, points and lesson`);
  return {
    id,
    title,
    points,
    lesson,
    hints: Array.isArray(hints) ? hints.map(String) : [],
    files: Array.isArray(files) ? files.map(String) : [],
    section: typeof section === 'string' ? section : undefined,
  };
}
