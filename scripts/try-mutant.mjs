// Grade one mutant in this working tree, for whoever writes mutants or strengthens scenarios:
// applies it, runs `npm test -- <exercise>` (a cluster of its own), prints what it earned and
// which scenarios caught it, and puts the reference back, even when interrupted.
//
//   node scripts/try-mutant.mjs <exercise>/<mutant-id> [more cucumber arguments]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AllMutants } from '../dist/exercises/mutants/all.js';
import { applyMutant, mutantName } from '../dist/exercises/mutants/mutant.js';
import { PROJECT_DIR as projectDir } from '../dist/impl/project-root.js';

const [name, ...rest] = process.argv.slice(2);
const mutant = AllMutants.find((candidate) => mutantName(candidate) === name);
if (!mutant) {
  console.error(`try-mutant: no mutant "${name}"; there are ${AllMutants.map(mutantName).join(', ')}`);
  process.exit(2);
}
const originals = new Map();
for (const file of new Set(mutant.edits.map((edit) => edit.file))) {
  const full = path.join(projectDir, file);
  originals.set(full, readFileSync(full, 'utf8'));
}
const restore = () => {
  for (const [full, text] of originals) writeFileSync(full, text);
};
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});
const gradeFile = path.join(projectDir, 'reports', 'grade.json');
rmSync(gradeFile, { force: true });
try {
  for (const [full, text] of originals) writeFileSync(full, applyMutant(path.relative(projectDir, full), text, mutant));
  console.log(`mutant ${name}: ${mutant.mistake}`);
  spawnSync('npm', ['test', '--', mutant.exercise, ...rest], { cwd: projectDir, stdio: 'inherit' });
} finally {
  restore();
}
const graded = existsSync(gradeFile)
  ? JSON.parse(readFileSync(gradeFile, 'utf8')).exercises.find((exercise) => exercise.id === mutant.exercise)
  : undefined;
if (!graded) {
  console.log(`mutant ${name}: not graded (no reports/grade.json entry: does it typecheck?)`);
  process.exit(1);
}
const caughtBy = graded.scenarios.filter((scenario) => scenario.status !== 'passed');
const verdict = graded.earned <= graded.points / 2 ? 'killed' : 'SURVIVES';
console.log(`mutant ${name}: earns ${graded.earned} of ${graded.points}: ${verdict}`);
for (const scenario of caughtBy) console.log(`  caught by ${scenario.uri} "${scenario.name}"`);
// Rebuild the reference, so dist/ holds no mutant.
spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: projectDir, stdio: 'inherit' });
