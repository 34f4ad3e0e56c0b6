// A mutant: a wrong solution of an exercise, written as a learner would get it wrong.
//
// Grading is honest only if a wrong solution cannot earn a solution's points. Each exercise
// keeps, in a file of this folder named after it, the mistakes a learner would plausibly make
// (an off-by-one, a missing field, no randomness, no compare, everything at once, the wrong
// order, the wrong unit). A mutant is the reference solution with that one mistake: text edits
// that must each fall inside the exercise's regions. CI grades every mutant (grade-mutants.ts)
// and requires that it earns at most half of the exercise's points.
//
// The folder is not part of the student edition: a mutant's edits quote the solution.

import { exerciseRegions } from '../regions.js';

/** One change to the reference: `find` occurs exactly once in `file`, inside a region of the exercise. */
export interface MutantEdit {
  file: string;
  find: string;
  replace: string;
}

export interface Mutant {
  /** Names the mistake, unique within its exercise: `first-highest-wins`. */
  id: string;
  exercise: string;
  /** The mistake, in a sentence a learner would recognise. */
  mistake: string;
  edits: MutantEdit[];
}

/** An edit of the exercise's usual file, `[find, replace]`; or, of another file, a whole MutantEdit. */
export type Edit = readonly [find: string, replace: string] | MutantEdit;

/**
 * Makes the mutants of `exercise`, whose edits are to `file` unless an edit names another. A
 * mutant file states its exercise and file once, `const mutant = mutantsOf(exercise, file)`;
 * each of its mutants is then `mutant(id, mistake, [find, replace], ...)`.
 */
export function mutantsOf(exercise: string, file: string): (id: string, mistake: string, ...edits: Edit[]) => Mutant {
  return (id, mistake, ...edits) => ({
    id,
    exercise,
    mistake,
    edits: edits.map((edit) => ('file' in edit ? edit : { file, find: edit[0], replace: edit[1] })),
  });
}

/** `<exercise>/<id>`: how reports name a mutant. */
export function mutantName(mutant: Mutant): string {
  return `${mutant.exercise}/${mutant.id}`;
}

/**
 * `text` (the file `fileName`) with the mutant's edits for that file applied. Throws when an
 * edit's `find` is missing, occurs twice, or reaches outside the exercise's regions: a mutant
 * must change the solution and nothing else.
 */
export function applyMutant(fileName: string, text: string, mutant: Mutant): string {
  const regions = exerciseRegions(text, fileName).filter((region) => region.exercise === mutant.exercise);
  const edits = mutant.edits
    .filter((edit) => edit.file === fileName)
    .map((edit) => {
      const at = text.indexOf(edit.find);
      if (at === -1 || text.indexOf(edit.find, at + 1) !== -1) {
        const count = at === -1 ? 'not found' : 'found more than once';
        throw new Error(`mutant ${mutantName(mutant)}: ${fileName}: ${count}: ${JSON.stringify(edit.find)}`);
      }
      const first = lineAt(text, at);
      const last = first + edit.find.split('\n').length - 1;
      if (!regions.some((region) => region.startLine < first && last < region.endLine))
        throw new Error(
          `mutant ${mutantName(mutant)}: ${fileName}:${first}: the edit is outside the regions of ${mutant.exercise}`,
        );
      return { ...edit, at };
    });
  // From the last to the first, so each edit's offset still holds when it is applied.
  return edits
    .sort((a, b) => b.at - a.at)
    .reduce((result, edit) => result.slice(0, edit.at) + edit.replace + result.slice(edit.at + edit.find.length), text);
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
