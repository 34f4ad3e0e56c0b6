// A learner's progress, kept in .kubelab/progress.json: each exercise's last grade and how many
// tiers of its hints were shown.
//
// The watch mode writes it after every run, and `--hint` reads and bumps the hint tier, so
// hints come one tier at a time, from a nudge to nearly the answer, across sessions.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../impl/project-root.js';
import type { Exercise } from './catalog.js';
import type { ExerciseGrade } from './grade.js';

export const ProgressFile = path.join(PROJECT_DIR, '.kubelab', 'progress.json');

export interface ExerciseProgress {
  earned: number;
  points: number;
  isSolved: boolean;
  /** When it was last graded, as an ISO date. */
  gradedAt?: string;
  hintsShown: number;
}

export type Progress = Record<string, ExerciseProgress>;

export function loadProgress(): Progress {
  return existsSync(ProgressFile) ? (JSON.parse(readFileSync(ProgressFile, 'utf8')) as Progress) : {};
}

export function saveProgress(progress: Progress): void {
  mkdirSync(path.dirname(ProgressFile), { recursive: true });
  writeFileSync(ProgressFile, `${JSON.stringify(progress, null, 2)}\n`);
}

export function progressOf(progress: Progress, exercise: Exercise): ExerciseProgress {
  return progress[exercise.id] ?? { earned: 0, points: exercise.points, isSolved: false, hintsShown: 0 };
}

/** Record a grade of the exercise. */
export function recordGrade(exercise: Exercise, grade: ExerciseGrade): ExerciseProgress {
  const progress = loadProgress();
  const updated = {
    ...progressOf(progress, exercise),
    earned: grade.earned,
    points: grade.points,
    isSolved: grade.earned === grade.points,
    gradedAt: new Date().toISOString(),
  };
  saveProgress({ ...progress, [exercise.id]: updated });
  return updated;
}

/** Show one more tier (up to the last), and return every tier shown so far. */
export function nextHints(exercise: Exercise): string[] {
  const progress = loadProgress();
  const current = progressOf(progress, exercise);
  const hintsShown = Math.min(current.hintsShown + 1, exercise.hints.length);
  saveProgress({ ...progress, [exercise.id]: { ...current, hintsShown } });
  return exercise.hints.slice(0, hintsShown);
}
