// Exercise regions: the parts of a source file that the student edition replaces by stubs.
//
// The grammar is the one lessons quote code by (house style 14): `// #region <id>` …
// `// #endregion [<id>]`, nested at most one level; an exercise region adds
// `exercise=<exercise-id> points=<n>` to its opening line. This reader finds the exercise
// regions only, and throws on a file whose markers do not balance.

const RegionStart = /^\s*\/\/ #region (\S+)(.*)$/;
const RegionEnd = /^\s*\/\/ #endregion(?:\s+(\S+))?\s*$/;
const Attribute = /(\w+)=(\S+)/g;

export interface ExerciseRegion {
  /** The region's own id, as lessons quote it. */
  id: string;
  exercise: string;
  points: number;
  /** 1-based lines of its `#region` and `#endregion` markers. */
  startLine: number;
  endLine: number;
}

interface OpenRegion {
  id: string;
  attributes: Map<string, string>;
  startLine: number;
}

/** Every exercise region of a file, in the order they open. */
export function exerciseRegions(text: string, fileName: string): ExerciseRegion[] {
  const found: ExerciseRegion[] = [];
  const open: OpenRegion[] = [];
  text.split('\n').forEach((line, index) => {
    const start = RegionStart.exec(line);
    if (start) {
      open.push({ id: start[1] ?? '', attributes: attributesOf(start[2] ?? ''), startLine: index + 1 });
      return;
    }
    const end = RegionEnd.exec(line);
    if (!end) return;
    const region = open.pop();
    if (!region || (end[1] !== undefined && end[1] !== region.id)) {
      throw new Error(`exerciseRegions: ${fileName}:${index + 1}: #endregion ${end[1] ?? ''} closes no matching #region`);
    }
    const exercise = region.attributes.get('exercise');
    if (exercise === undefined) return;
    const points = Number(region.attributes.get('points'));
    if (!Number.isInteger(points) || points <= 0) {
      throw new Error(`exerciseRegions: ${fileName}:${region.startLine}: region ${region.id} needs points=<n> beside exercise=${exercise}`);
    }
    found.push({ id: region.id, exercise, points, startLine: region.startLine, endLine: index + 1 });
  });
  const unclosed = open[0];
  if (unclosed) throw new Error(`exerciseRegions: ${fileName}:${unclosed.startLine}: region ${unclosed.id} is never closed`);
  return found.sort((a, b) => a.startLine - b.startLine);
}

function attributesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(Attribute)].map(([, key, value]) => [key ?? '', value ?? '']));
}
