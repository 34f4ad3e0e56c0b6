// Mutants no one wrote: Stryker's mutators applied to the exercise regions, for a mutation
// score (`npm run mutation`).
//
// The hand-written mutants (the files beside this one) are the mistakes a learner would make;
// these are every small change a tool can think of: a `>` for a `>=`, `true` for a condition,
// an empty block, a string emptied. A scenario set that kills most of them checks each line of
// the solution, not only the mistakes someone thought of. Stryker's instrumenter finds them;
// each is graded like a hand-written mutant (mutant-grader.ts), one at a time on a warm cluster,
// because the code runs in the cluster's containers, out of reach of Stryker's own runners.

import { Instrumenter } from '@stryker-mutator/instrumenter';
import type { Exercise } from '../catalog.js';
import { exerciseRegions } from '../regions.js';

/** One generated mutant: the file it changes, and the whole text of that file once changed. */
export interface GeneratedMutant {
  /** `<mutator>@<file>:<line>:<column>`, as Stryker's reports name them. */
  name: string;
  exercise: string;
  file: string;
  /** What changed: the replacement Stryker made, on one line. */
  change: string;
  text: string;
}

// Stryker's logger interface; the instrumenter only reports what it skips.
const quietLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  fatal: () => {},
};

/** Every mutant Stryker makes inside `exercise`'s regions; `read` gives a file's reference text. */
export async function generateMutants(exercise: Exercise, read: (file: string) => string): Promise<GeneratedMutant[]> {
  const mutants: GeneratedMutant[] = [];
  for (const file of exercise.files) {
    const text = read(file);
    // Stryker counts lines from 0 and columns from 0; regions count lines from 1. From the line
    // after `#region` to the one before `#endregion`:
    const ranges = exerciseRegions(text, file)
      .filter((region) => region.exercise === exercise.id)
      .map((region) => ({
        start: { line: region.startLine, column: 0 },
        end: { line: region.endLine - 1, column: 0 },
      }));
    const instrumenter = new Instrumenter(quietLogger);
    const result = await instrumenter.instrument([{ name: file, content: text, mutate: ranges }], {
      plugins: null,
      ignorers: [],
      excludedMutations: [],
    });
    for (const mutant of result.mutants) {
      const start = offsetOf(text, mutant.location.start.line, mutant.location.start.column);
      const end = offsetOf(text, mutant.location.end.line, mutant.location.end.column);
      const { line, column } = mutant.location.start;
      mutants.push({
        name: `${mutant.mutatorName}@${file}:${line + 1}:${column + 1}`,
        exercise: exercise.id,
        file,
        change: `${oneLine(text.slice(start, end))} → ${oneLine(mutant.replacement)}`,
        text: text.slice(0, start) + mutant.replacement + text.slice(end),
      });
    }
  }
  return mutants;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column;
}

function oneLine(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
