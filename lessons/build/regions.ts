// Named regions: the one grammar that joins code to lessons and to exercises.
//
// A region is `// #region <id>` … `// #endregion` (or `// #endregion <id>`) around a whole
// function or one numbered step of it; an exercise region adds `exercise=<id> points=<n>`.
// Regions nest at most one level. A lesson quotes a region by id, so the excerpt is always the
// code as it is now: the extractor drops nested marker lines and removes the common indent.
//
// This is Crafting Interpreters' `^code` and testcontainers' `codeinclude`, applied to MDX.
// parseRegions reports every problem instead of throwing, so the lint can list them all.

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
      if (open.length >= MaxRegionDepth) problems.push({ line: lineNumber, message: `region "${id}" nests deeper than ${MaxRegionDepth} levels` });
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
      problems.push({ line: lineNumber, message: `#endregion ${end[1]} closes region "${closed.id}" (opened on line ${closed.startLine})` });
    }
    regions.push({ ...closed, endLine: lineNumber });
  });
  for (const unclosed of open) problems.push({ line: unclosed.startLine, message: `region "${unclosed.id}" is never closed` });
  regions.sort((a, b) => a.startLine - b.startLine);
  return { regions, problems };
}

/** The code inside region `id`, without nested markers, de-indented; undefined if there is none. */
export function extractRegion(text: string, id: string): { code: string; region: Region } | undefined {
  const region = parseRegions(text).regions.find((candidate) => candidate.id === id);
  if (!region) return undefined;
  const inside = text
    .split('\n')
    .slice(region.startLine, region.endLine - 1)
    .filter((line) => !RegionStart.test(line) && !RegionEnd.test(line));
  return { code: dedent(inside).join('\n'), region };
}

function attributes(text: string): { exercise?: string; points?: number } {
  const found: { exercise?: string; points?: number } = {};
  for (const [, key, value] of text.matchAll(Attribute)) {
    if (key === 'exercise') found.exercise = value;
    if (key === 'points') found.points = Number(value);
  }
  return found;
}

/** Removes the indentation every non-blank line shares, and blank lines at either end. */
export function dedent(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return [];
  const last = lines.length - 1 - [...lines].reverse().findIndex((line) => line.trim() !== '');
  const body = lines.slice(first, last + 1);
  const indents = body.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return body.map((line) => line.slice(common));
}
