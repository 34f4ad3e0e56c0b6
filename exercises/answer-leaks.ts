// No answer outside its region: a solution must not be reachable anywhere the student edition
// keeps.
//
// The student edition replaces each solution region with a stub. If the same logic also lives
// elsewhere (a copy kept for another component, an exported helper that does the same), the
// edition ships the answer, and a learner can pass by calling it. This finds both kinds: a
// function of the same name defined outside the regions, and a function outside them whose
// body, once comments and spacing are gone, is the same as a solution's.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exerciseRegions } from './regions.js';

export interface SolutionFunction {
  exercise: string;
  name: string;
  file: string;
  /** The body's tokens without comments and whitespace, for comparing. */
  body: string;
}

export interface AnswerLeak {
  exercise: string;
  solution: string;
  /** Where the answer is reachable outside its region: `file:line`. */
  at: string;
  why: 'same name' | 'same body';
}

const FunctionStart = /^\s*(?:export\s+)?(?:async\s+)?function\s+(\w+)\s*[(<]/;
/** A class method: modifiers, a name, then its parameters on this line or the next ones. */
const MethodStart =
  /^\s*(?:(?:private|protected|public|static|async|override)\s+)*(\w+)\s*(?:<[^>]*>)?\((?:[^()]*\)[^;=]*\{)?\s*$/;
const NotNames = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'constructor']);

function definedName(line: string): string | undefined {
  const name = FunctionStart.exec(line)?.[1] ?? MethodStart.exec(line)?.[1];
  return name && !NotNames.has(name) ? name : undefined;
}

/** Every function whose definition starts on one of `lines`, with the text of its body. */
function functionsIn(lines: readonly string[], firstLine: number, lastLine: number) {
  const found: Array<{ name: string; line: number; body: string }> = [];
  for (let index = firstLine; index <= lastLine; index++) {
    const name = definedName(lines[index] ?? '');
    if (!name) continue;
    const end = closingLine(lines, index);
    found.push({ name, line: index + 1, body: normalize(lines.slice(index, end + 1).join('\n')) });
  }
  return found;
}

/** The line of the brace that closes the block opened on `start` (counting braces). */
function closingLine(lines: readonly string[], start: number): number {
  let depth = 0;
  let opened = false;
  for (let index = start; index < lines.length; index++) {
    for (const character of stripComments(lines[index] ?? '')) {
      if (character === '{') {
        depth++;
        opened = true;
      } else if (character === '}') depth--;
    }
    if (opened && depth <= 0) return index;
  }
  return lines.length - 1;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

/** A function's body as tokens: no comments, no whitespace, no name (so a renamed copy matches). */
export function normalize(functionText: string): string {
  const withoutComments = stripComments(functionText);
  const bodyStart = withoutComments.indexOf('{', withoutComments.indexOf(')'));
  return withoutComments.slice(bodyStart).replace(/\s+/g, '');
}

/** The functions each solution region defines. */
export function solutionFunctions(projectDir: string, files: readonly string[]): SolutionFunction[] {
  return files.flatMap((file) => {
    const text = readFileSync(path.join(projectDir, file), 'utf8');
    const lines = text.split('\n');
    return exerciseRegions(text, file).flatMap((region) =>
      functionsIn(lines, region.startLine, region.endLine - 2).map(({ name, body }) => ({
        exercise: region.exercise,
        name,
        file,
        body,
      })),
    );
  });
}

/** Functions outside every solution region, in `files`, that repeat a solution by name or by body. */
export function findAnswerLeaks(
  projectDir: string,
  files: readonly string[],
  solutions: readonly SolutionFunction[],
): AnswerLeak[] {
  const leaks: AnswerLeak[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(projectDir, file), 'utf8');
    const lines = text.split('\n');
    const inRegion = new Set(
      exerciseRegions(text, file).flatMap((region) =>
        Array.from({ length: region.endLine - region.startLine + 1 }, (_, offset) => region.startLine + offset),
      ),
    );
    for (const candidate of functionsIn(lines, 0, lines.length - 1)) {
      if (inRegion.has(candidate.line)) continue;
      for (const solution of solutions) {
        const why =
          candidate.name === solution.name ? 'same name' : candidate.body === solution.body ? 'same body' : undefined;
        if (why)
          leaks.push({ exercise: solution.exercise, solution: solution.name, at: `${file}:${candidate.line}`, why });
      }
    }
  }
  return leaks;
}
