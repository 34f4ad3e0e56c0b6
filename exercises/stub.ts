// Stubs: an exercise region with its solution taken out, ready for a learner to fill in.
//
// The rule is small on purpose. An exercise region wraps whole functions or methods; each one
// keeps its doc comment and its signature, and its body becomes a comment saying what to do and
// a `throw` of the "not solved yet" message. A `throw` satisfies any return type, so the
// student edition typechecks and runs, and every scenario that reaches a stub fails with a
// message naming the exercise. Anything else inside a region is refused, so no solution
// leaks. The TypeScript parser finds the bodies, so no brace in a string can fool it.

import ts from 'typescript';
import { type Exercise, notSolvedMessage } from './catalog.js';
import { type ExerciseRegion, exerciseRegions } from './regions.js';

const CommentWidth = 96;

type FunctionWithBody = (ts.FunctionDeclaration | ts.MethodDeclaration) & { body: ts.Block };

/** `text` with the bodies of the named exercises' regions replaced by stubs. */
export function stubExercises(fileName: string, text: string, exercises: Exercise[]): string {
  const wanted = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const regions = exerciseRegions(text, fileName).filter((region) => wanted.has(region.exercise));
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (const region of regions) {
    const exercise = wanted.get(region.exercise) as Exercise;
    const functions = functionsIn(source, region);
    assertOnlyFunctions(source, region, functions, fileName);
    for (const fn of functions)
      edits.push({ start: fn.body.getStart(source), end: fn.body.end, replacement: stubBody(source, fn, exercise) });
  }
  return applyEdits(text, edits);
}

/** `text` with each span [start, end) replaced; the spans must not overlap. */
export function applyEdits(
  text: string,
  edits: ReadonlyArray<{ start: number; end: number; replacement: string }>,
): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.replacement + result.slice(edit.end), text);
}

/** The functions and methods that lie wholly inside a region, outermost only. */
export function functionsIn(source: ts.SourceFile, region: ExerciseRegion): FunctionWithBody[] {
  const found: FunctionWithBody[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.body &&
      isInside(source, node, region)
    ) {
      found.push(node as FunctionWithBody);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every line of the region that is code must belong to one of its functions. */
function assertOnlyFunctions(
  source: ts.SourceFile,
  region: ExerciseRegion,
  functions: FunctionWithBody[],
  fileName: string,
): void {
  const covered = new Set<number>();
  for (const fn of functions) {
    for (let line = lineOf(source, fn.getStart(source)); line <= lineOf(source, fn.end); line++) covered.add(line);
  }
  const lines = source.text.split('\n');
  for (let line = region.startLine + 1; line < region.endLine; line++) {
    const code = (lines[line - 1] ?? '').trim();
    const isComment = code === '' || code.startsWith('//') || code.startsWith('/*') || code.startsWith('*');
    if (!isComment && !covered.has(line)) {
      throw new Error(
        `stubExercises: ${fileName}:${line}: exercise region ${region.id} may hold only whole functions or methods`,
      );
    }
  }
  if (functions.length === 0)
    throw new Error(`stubExercises: ${fileName}:${region.startLine}: exercise region ${region.id} holds no function`);
}

function stubBody(source: ts.SourceFile, fn: FunctionWithBody, exercise: Exercise): string {
  const line = source.text.split('\n')[lineOf(source, fn.getStart(source)) - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const inner = `${indent}  `;
  const comment = wrap(`Exercise ${exercise.id}: ${exercise.stub}`, CommentWidth).map((text) => `${inner}// ${text}`);
  const message = notSolvedMessage(exercise).replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return ['{', ...comment, `${inner}throw new Error('${message}');`, `${indent}}`].join('\n');
}

function isInside(source: ts.SourceFile, node: ts.Node, region: ExerciseRegion): boolean {
  return lineOf(source, node.getStart(source)) > region.startLine && lineOf(source, node.end) < region.endLine;
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current !== '' && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
