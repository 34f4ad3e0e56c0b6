// Named regions: the one grammar that joins code to lessons and to exercises.
//
// A region is `// #region <id>` … `// #endregion` (or `// #endregion <id>`) around a whole
// function or one numbered step of it; an exercise region adds `exercise=<id> points=<n>` to its
// opening line, and the student edition replaces its functions' bodies by stubs. Regions nest at
// most one level. Every reader of regions reads them here: the lessons' excerpts
// (lessons/build/code-excerpt.ts), the region lint (scripts/lint-regions.mjs), the stubber and
// the student-edition generator. parseRegions reports every problem, so the lint can list them
// all; exerciseRegions throws on the first, so no edition is written from a broken file.
//
// This is Crafting Interpreters' `^code` and testcontainers' `codeinclude`, applied to MDX.

const RegionStart = /^\s*\/\/ #region (\S+)(.*)$/;
const RegionEnd = /^\s*\/\/ #endregion(?:\s+(\S+))?\s*$/;
const Attribute = /(\w+)=(\S+)/g;
/** A region inside a region is allowed; a third level is not. */
export const MaxRegionDepth = 2;

export interface Region {
  id: string;
  /** 1-based lines of the `#region` and `#endregion` markers. */
  startLine: number;
  endLine: number;
  /** 1 for a top-level region, 2 for one nested inside another. */
  depth: number;
  /** The exercise this region is the solution of, from `exercise=<id>`. */
  exercise?: string;
  points?: number;
}

/** A region that is the solution of an exercise, worth a whole number of points. */
export type ExerciseRegion = Region & { exercise: string; points: number };

export interface RegionProblem {
  line: number;
  message: string;
}

export interface ParsedRegions {
  regions: Region[];
  problems: RegionProblem[];
}

/** Every region of a file, and whatever breaks the grammar (unbalanced, duplicate, too deep). */
export function parseRegions(text: string): ParsedRegions {
  const regions: Region[] = [];
  const problems: RegionProblem[] = [];
  const open: Array<Omit<Region, 'endLine'>> = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const lineNumber = index + 1;
    const start = RegionStart.exec(line);
    if (start) {
      const id = start[1] ?? '';
      if (seen.has(id)) problems.push({ line: lineNumber, message: `region "${id}" is defined twice in this file` });
      seen.add(id);
      if (open.length >= MaxRegionDepth)
        problems.push({ line: lineNumber, message: `region "${id}" nests deeper than ${MaxRegionDepth} levels` });
      open.push({ id, startLine: lineNumber, depth: open.length + 1, ...attributes(start[2] ?? '') });
      return;
    }
    const end = RegionEnd.exec(line);
    if (!end) return;
    const closed = open.pop();
    if (!closed) {
      problems.push({ line: lineNumber, message: '#endregion without a #region' });
      return;
    }
    if (end[1] !== undefined && end[1] !== closed.id) {
      problems.push({
        line: lineNumber,
        message: `#endregion ${end[1]} closes region "${closed.id}" (opened on line ${closed.startLine})`,
      });
    }
    regions.push({ ...closed, endLine: lineNumber });
  });
  for (const unclosed of open)
    problems.push({ line: unclosed.startLine, message: `region "${unclosed.id}" is never closed` });
  regions.sort((a, b) => a.startLine - b.startLine);
  return { regions, problems };
}

/** Every exercise region of a file, in the order they open; throws on a file that breaks the grammar. */
export function exerciseRegions(text: string, fileName: string): ExerciseRegion[] {
  const { regions, problems } = parseRegions(text);
  const [problem] = problems;
  if (problem) throw new Error(`exerciseRegions: ${fileName}:${problem.line}: ${problem.message}`);
  return regions.filter((region): region is ExerciseRegion => {
    if (region.exercise === undefined) return false;
    if (!Number.isInteger(region.points) || (region.points ?? 0) <= 0) {
      throw new Error(
        `exerciseRegions: ${fileName}:${region.startLine}: region ${region.id} ` +
          `needs points=<n> beside exercise=${region.exercise}`,
      );
    }
    return true;
  });
}

/** Whether a line opens or closes a region: an excerpt leaves such lines out. */
export function isRegionMarker(line: string): boolean {
  return RegionStart.test(line) || RegionEnd.test(line);
}

function attributes(text: string): { exercise?: string; points?: number } {
  const found: { exercise?: string; points?: number } = {};
  for (const [, key, value] of text.matchAll(Attribute)) {
    if (key === 'exercise') found.exercise = value;
    if (key === 'points') found.points = Number(value);
  }
  return found;
}
