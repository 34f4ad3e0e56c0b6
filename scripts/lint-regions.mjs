// Lint the named regions that join the code to the lessons and the exercises.
//
// Checks every `// #region` in impl/, steps/ and bench/: regions are balanced (an `#endregion
// <id>` closes the region it names), ids are unique per file, regions nest at most one level,
// and every region is referenced, by a lesson's `<Code file region>` or, for an exercise region,
// by its entry in exercises/exercises.json. A lesson citing a region that does not exist is an
// error too. Prints one line per problem and exits 1 if there is any.
//
// Uses the region grammar of exercises/regions.ts, compiled: run as `npm run lint:regions`.
//
//   node scripts/lint-regions.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR as ROOT } from '../dist/impl/project-root.js';
import { lessonCitations } from '../dist/lessons/build/references.js';
import { loadExercises } from '../dist/exercises/catalog.js';
import { parseRegions } from '../dist/exercises/regions.js';

const SCANNED = ['impl', 'steps', 'bench'];

const errors = [];
const regionsByFile = new Map();
for (const file of SCANNED.flatMap((folder) => sourceFiles(folder))) {
  const { regions, problems } = parseRegions(readFileSync(path.join(ROOT, file), 'utf8'));
  for (const problem of problems) errors.push(`${file}:${problem.line}: ${problem.message}`);
  if (regions.length > 0) regionsByFile.set(file, regions);
}

const citations = lessonCitations().filter((citation) => citation.component === 'Code');
const cited = new Set();
for (const { lesson, attributes } of citations) {
  const key = `${attributes.file}#${attributes.region}`;
  cited.add(key);
  const isKnown = (regionsByFile.get(attributes.file) ?? []).some((region) => region.id === attributes.region);
  if (!isKnown && !hasRegion(attributes.file, attributes.region)) {
    errors.push(`lessons/content/${lesson}.mdx: cites region "${attributes.region}" of ${attributes.file}, which does not exist`);
  }
}

const exerciseIds = new Set(loadExercises().map((exercise) => exercise.id));
let regionCount = 0;
for (const [file, regions] of regionsByFile) {
  for (const region of regions) {
    regionCount += 1;
    if (cited.has(`${file}#${region.id}`)) continue;
    if (region.exercise !== undefined && exerciseIds.has(region.exercise)) continue;
    const why = region.exercise !== undefined
      ? `its exercise "${region.exercise}" is not in exercises/exercises.json and no lesson cites it`
      : 'no lesson cites it';
    errors.push(`${file}:${region.startLine}: region "${region.id}" is unreferenced: ${why}`);
  }
}

for (const error of errors) console.error(error);
console.log(`regions: ${regionCount} in ${regionsByFile.size} files, ${citations.length} cited by lessons, ${errors.length} problem(s)`);
process.exit(errors.length > 0 ? 1 : 0);

/** Regions can also be cited in files outside the scanned folders (e.g. scripts). */
function hasRegion(file, id) {
  try {
    return parseRegions(readFileSync(path.join(ROOT, file), 'utf8')).regions.some((region) => region.id === id);
  } catch {
    return false;
  }
}

function sourceFiles(folder) {
  const absolute = path.join(ROOT, folder);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return sourceFiles(relative);
      return /\.(ts|mjs|js)$/.test(entry.name) ? [relative] : [];
    });
}
