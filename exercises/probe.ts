// The probe edition: the reference, with a call at the top of every exercise function that
// says "exercise X ran, at time T". The student-edition check runs it once and learns which
// scenarios reach which exercise. A scenario that never reaches X behaves the same with X
// stubbed, so X's edition need not run it: the check then runs, per exercise, only the
// scenarios that reach it, and its own.
//
// Components print the mark on stderr; the run reads their whole logs at the end and gives
// each mark to the scenario that was running when it was printed. A step that calls an
// exercise in the test process itself is heard directly (`ProbeListener`).

import path from 'node:path';
import ts from 'typescript';
import type { Exercise } from './catalog.js';
import { exerciseRegions } from './regions.js';
import { applyEdits, functionsIn } from './stub.js';

/** The module each probed file imports, written into the probe edition only. */
export const ProbeModule = 'impl/exercise-probe.ts';
export const ProbeMark = 'kubelab-probe: exercise reached:';
/** Set on globalThis by a test process that wants to hear the marks itself. */
export const ProbeListener = 'kubelabExerciseReached';

/** The probe module: a mark per exercise at most every 20 ms, so a busy loop cannot flood a log. */
export const ProbeModuleText = `// Written into the probe edition only (exercises/probe.ts).
const lastMarked = new Map<string, number>();

export function exerciseReached(exercise: string): void {
  const listener = (globalThis as unknown as Record<string, unknown>).${ProbeListener};
  if (typeof listener === 'function') return void listener(exercise);
  const at = Date.now();
  if (at - (lastMarked.get(exercise) ?? 0) < 20) return;
  lastMarked.set(exercise, at);
  console.error(\`${ProbeMark} \${exercise} at \${at}\`);
}
`;

/** \`text\` with a probe call at the top of every function of the named exercises' regions. */
export function probeExercises(fileName: string, text: string, exercises: Exercise[]): string {
  const wanted = new Set(exercises.map((exercise) => exercise.id));
  const regions = exerciseRegions(text, fileName).filter((region) => wanted.has(region.exercise));
  if (regions.length === 0) return text;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // Right after each body's opening brace: an insertion, an edit of an empty span.
  const inserts = regions.flatMap((region) =>
    functionsIn(source, region).map((fn) => {
      const at = fn.body.getStart(source) + 1;
      return { start: at, end: at, replacement: ` exerciseReached(${JSON.stringify(region.exercise)});` };
    }),
  );
  const probed = applyEdits(text, inserts);
  const probeModule = path.relative(path.dirname(fileName), ProbeModule.replace(/\.ts$/, '.js'));
  const specifier = probeModule.startsWith('.') ? probeModule : `./${probeModule}`;
  return `import { exerciseReached } from '${specifier}';\n${probed}`;
}

/** Which exercise ran, and when (ms since the epoch). */
export interface ExerciseMark {
  exercise: string;
  at: number;
}

const MarkPattern = new RegExp(`${ProbeMark} ([a-z][a-z0-9-]*) at (\\d+)`);

/** A mark in a component's log line, as the probe module prints it. */
export function probeMarkIn(line: string): ExerciseMark | undefined {
  const match = MarkPattern.exec(line);
  return match ? { exercise: match[1] as string, at: Number(match[2]) } : undefined;
}

export interface ScenarioWindow {
  /** `<feature>:<line>`, as run-tests takes it. */
  uri: string;
  started: number;
  ended: number;
}

/** Each scenario's exercises: the marks printed while it ran. */
export function exercisesReached(
  windows: readonly ScenarioWindow[],
  marks: readonly ExerciseMark[],
): Record<string, string[]> {
  const reached: Record<string, Set<string>> = {};
  for (const window of windows) reached[window.uri] ??= new Set();
  for (const mark of marks) {
    for (const window of windows) {
      if (mark.at >= window.started && mark.at <= window.ended) reached[window.uri]?.add(mark.exercise);
    }
  }
  return Object.fromEntries(Object.entries(reached).map(([uri, exercises]) => [uri, [...exercises].sort()]));
}
