// Run the features several times in a row and say which scenarios failed, how often, and why.
//
// A scenario that fails once in ten runs fails a CI run now and then, and every later landing
// pays for it. This runs `npm test` (after one build) N times, each on a fresh cluster, reads
// each run's reports/cucumber.json, and prints every scenario that failed at least once with
// its count and the first line of each distinct error. Each run's report is kept as
// reports/repeat/run-<n>.json. Exits 1 if any scenario failed in any run.
//
//   node scripts/repeat-suite.mjs [runs, default 10] [cucumber-js arguments...]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '..');
const reportFile = path.join(projectDir, 'reports', 'cucumber.json');
const keptDir = path.join(projectDir, 'reports', 'repeat');
const runs = Number.parseInt(process.argv[2] ?? '10', 10);
const cucumberArgs = process.argv.slice(3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node scripts/repeat-suite.mjs [runs] [cucumber-js arguments...]');
  process.exit(2);
}

/** Every scenario of one run: `<uri>:<line> <name>` to its status and first error line. */
function scenarioResults(report) {
  const results = new Map();
  for (const feature of report) {
    for (const element of feature.elements ?? []) {
      if (element.type !== 'scenario') continue;
      const steps = [...(element.before ?? []), ...(element.steps ?? []), ...(element.after ?? [])];
      const failed = steps.find((step) => step.result?.status === 'failed');
      const seconds = steps.reduce((sum, step) => sum + (step.result?.duration ?? 0), 0) / 1e9;
      const status = failed ? 'failed' : steps.every((step) => step.result?.status === 'passed') ? 'passed' : 'other';
      const error = (failed?.result?.error_message ?? '').split('\n').find((line) => line.trim() !== '')?.trim();
      results.set(`${feature.uri}:${element.line} ${element.name}`, { status, error, seconds });
    }
  }
  return results;
}

const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: projectDir, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
rmSync(keptDir, { recursive: true, force: true });
mkdirSync(keptDir, { recursive: true });

const failures = new Map();
const runSeconds = [];
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  rmSync(reportFile, { force: true });
  const test = spawnSync('node', ['dist/exercises/run-tests.js', ...cucumberArgs], { cwd: projectDir, stdio: ['ignore', 'ignore', 'inherit'] });
  runSeconds.push((performance.now() - started) / 1000);
  if (!existsSync(reportFile)) {
    console.log(`run ${run}: no report (exit ${test.status}); counted as a failed run`);
    failures.set(`run ${run}`, { count: 1, errors: new Set([`npm test exited ${test.status} without a report`]) });
    continue;
  }
  copyFileSync(reportFile, path.join(keptDir, `run-${run}.json`));
  const results = scenarioResults(JSON.parse(readFileSync(reportFile, 'utf8')));
  const failed = [...results].filter(([, result]) => result.status !== 'passed');
  console.log(`run ${run}: ${results.size - failed.length} of ${results.size} scenarios passed in ${runSeconds.at(-1).toFixed(0)} s`);
  for (const [scenario, result] of failed) {
    const entry = failures.get(scenario) ?? { count: 0, errors: new Set() };
    entry.count += 1;
    entry.errors.add(result.error ?? result.status);
    failures.set(scenario, entry);
  }
}

const mean = runSeconds.reduce((sum, seconds) => sum + seconds, 0) / runSeconds.length;
console.log(`\n${runs} runs, ${mean.toFixed(0)} s each on average (slowest ${Math.max(...runSeconds).toFixed(0)} s)`);
if (failures.size === 0) {
  console.log('no scenario failed in any run');
  process.exit(0);
}
console.log(`${failures.size} scenario(s) failed at least once:`);
for (const [scenario, { count, errors }] of [...failures].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`  ${count}/${runs}  ${scenario}`);
  for (const error of errors) console.log(`          ${error}`);
}
process.exit(1);
