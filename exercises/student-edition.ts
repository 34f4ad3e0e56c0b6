// `npm run student-edition -- <dir> [--only <exercise-id>,...]`: the course as a learner gets it.
//
// Copies every file git tracks into <dir>, replaces each exercise region's solution by a stub
// (see stub.ts), and writes the `.kubelab-student` marker, so that `npm test` there grades the
// learner. Everything outside the regions is identical and works. `--only` stubs some exercises
// and keeps the other solutions, which is how CI checks that each exercise is really needed.
// The mutants (wrong solutions CI grades) stay behind: their edits quote the solutions.
// `--probe` stubs nothing and marks when each solution runs instead (probe.ts): CI's probe.

import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../impl/project-root.js';
import {
  type Exercise,
  findExercise,
  loadExercises,
  MutantsFolder,
  type StudentEdition,
  StudentEditionMarker,
  studentEdition,
} from './catalog.js';
import { exerciseRegions } from './regions.js';
import { ProbeModule, ProbeModuleText, probeExercises } from './probe.js';
import { stubExercises } from './stub.js';

const Usage = 'usage: npm run student-edition -- <dir> [--only <exercise-id>[,<exercise-id>...]] [--probe]';

/** Write the student edition of the project at `projectDir` into `targetDir`. */
function writeStudentEdition(
  projectDir: string,
  targetDir: string,
  exercises: Exercise[],
  isProbe = false,
): StudentEdition {
  if (existsSync(targetDir) && readdirSync(targetDir).length > 0)
    throw new Error(`writeStudentEdition: ${targetDir} is not empty`);
  for (const exercise of exercises) checkRegions(projectDir, exercise);
  for (const file of trackedFiles(projectDir)) {
    if (file.startsWith(`${MutantsFolder}/`)) continue;
    const source = path.join(projectDir, file);
    if (!existsSync(source)) continue;
    const target = path.join(targetDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    chmodSync(target, statSync(source).mode);
  }
  for (const file of new Set(exercises.flatMap((exercise) => exercise.files))) {
    const target = path.join(targetDir, file);
    const owners = exercises.filter((exercise) => exercise.files.includes(file));
    const text = readFileSync(target, 'utf8');
    writeFileSync(target, isProbe ? probeExercises(file, text, owners) : stubExercises(file, text, owners));
  }
  if (isProbe) writeFileSync(path.join(targetDir, ProbeModule), ProbeModuleText);
  const edition: StudentEdition = {
    generatedFrom: git(projectDir, ['rev-parse', 'HEAD']).trim(),
    stubbed: isProbe ? [] : exercises.map((exercise) => exercise.id),
    ...(isProbe ? { probe: true } : {}),
  };
  writeFileSync(path.join(targetDir, StudentEditionMarker), `${JSON.stringify(edition, null, 2)}\n`);
  return edition;
}

/** The catalogue and the code agree: the exercise's regions are in its files and add up to its points. */
function checkRegions(projectDir: string, exercise: Exercise): void {
  const regions = exercise.files
    .flatMap((file) => exerciseRegions(readFileSync(path.join(projectDir, file), 'utf8'), file))
    .filter((region) => region.exercise === exercise.id);
  const points = regions.reduce((sum, region) => sum + region.points, 0);
  if (regions.length === 0 || points !== exercise.points) {
    throw new Error(
      `student edition: exercise ${exercise.id} is worth ${exercise.points} points, ` +
        `but its regions in ${exercise.files.join(', ')} add up to ${points}`,
    );
  }
}

function trackedFiles(projectDir: string): string[] {
  return git(projectDir, ['ls-files', '-z'])
    .split('\0')
    .filter((file) => file !== '');
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function main(args: string[]): void {
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex === -1 ? undefined : (args[onlyIndex + 1] ?? '').split(',').filter((id) => id !== '');
  const targets = args.filter((arg, index) => !arg.startsWith('--') && (onlyIndex === -1 || index !== onlyIndex + 1));
  const target = targets[0];
  if (target === undefined || targets.length > 1 || (only !== undefined && only.length === 0)) throw new Error(Usage);
  if (studentEdition())
    throw new Error('this is already a student edition: generate one from the reference repository');
  const catalog = loadExercises();
  const exercises = only === undefined ? catalog : only.map((id) => findExercise(catalog, id));
  const targetDir = path.resolve(target);
  const isProbe = args.includes('--probe');
  const edition = writeStudentEdition(PROJECT_DIR, targetDir, exercises, isProbe);
  const what = isProbe
    ? `probes in ${exercises.map((exercise) => exercise.id).join(', ')}`
    : `stubs for ${edition.stubbed.join(', ')}`;
  console.log(`student edition written to ${targetDir}, with ${what}`);
  console.log(`next: cd ${targetDir} && npm install && npm test`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
