// CI's honesty check of the exercises: the student edition builds, grades, and gives nothing away.
//
// 1. The reference repository (this one) earned full marks in the `npm test` that ran before
//    (its reports/grade.json), and no solution's logic is written outside its region
//    (exercises/answer-leaks.ts): the edition would ship it.
// 2. The student edition, every exercise stubbed, typechecks and grades; each exercise earns 0;
//    every scenario outside the exercises passes, or fails only because it reaches a stub.
// 3. Unless --quick: for each exercise, an edition with only that one stubbed: every scenario
//    tagged with it fails on its stub (the exercise is really needed and gives no free points),
//    and every other scenario passes or reaches that stub. First, the probe edition: the
//    reference with each solution marking when it runs (exercises/probe.ts). Every scenario
//    passes there, and its report says which exercises each one reached. A scenario that never
//    reaches exercise X behaves the same with X stubbed, so X's edition runs only the scenarios
//    that reach X, and X's own: the same verdicts, at a fraction of the time. (The API server's
//    exercises are reached by nearly every scenario: their editions run everything, beside the
//    probe.)
// 4. Unless --quick: every exercise has at least four mutants (exercises/mutants/), wrong
//    solutions as a learner would write them; each, graded on a warm cluster in a copy of the
//    reference, earns at most half of its exercise's points, and the check names the scenarios
//    that caught it. Once half of an exercise's scenarios failed, a mutant's grade is settled:
//    the rest are not run, and the grade shown is the most it could earn (counting them passed).
//    The reference, graded the same way before them and after them, earns full marks.
// Editions and mutants share one pool of `--jobs` slots, each slot a cluster at a time.
// Editions are written under .kubelab/ (same disk, so node_modules is hard-linked, not copied)
// and their test output goes to a log beside them. A scenario that reaches a stub ends at once
// (steps/support/stub-reports.ts), so an edition costs about the time of the scenarios that
// still pass; those mostly wait on the cluster's clocks (heartbeats, Leases, compaction), not on
// the processor, so `--jobs` editions (2 by default) are graded side by side, each on a cluster
// of its own. Prints TAP lines and `# pass N` / `# fail N`, which scripts/summary.mjs counts.
// `--exercises=<id>,<id>` checks only those exercises in 1 and 3 (the reference run may then be
// `npm test -- <id> <id>`); 2 always stubs and checks them all.
//
//   node scripts/check-student-edition.mjs [--quick] [--exercises=<id>,...] [--jobs=<n>]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findAnswerLeaks, solutionFunctions } from '../dist/exercises/answer-leaks.js';
import { exerciseTag, loadExercises, MutantsFolder } from '../dist/exercises/catalog.js';
import { AllMutants, MinimumMutantsPerExercise } from '../dist/exercises/mutants/all.js';
import { MutantCopies } from '../dist/exercises/mutants/workspaces.js';
import { PROJECT_DIR as projectDir } from '../dist/impl/project-root.js';

const workDir = path.join(projectDir, '.kubelab', 'student-edition-check');
const isQuick = process.argv.includes('--quick');
const jobs = Number(process.argv.find((arg) => arg.startsWith('--jobs='))?.slice('--jobs='.length) ?? 2);
const results = [];

function check(name, problem) {
  results.push({ name, problem });
  console.log(`${problem === undefined ? 'ok' : 'not ok'} ${results.length} - ${name}`);
  if (problem !== undefined) console.log(`  # ${problem.replaceAll('\n', '\n  # ')}`);
}

function readGrade(dir) {
  const file = path.join(dir, 'reports', 'grade.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function describe(scenarios) {
  return scenarios.map((scenario) => `${scenario.uri} "${scenario.name}": ${scenario.status}${scenario.blockedBy ? ` by ${scenario.blockedBy}` : ''}${scenario.actual ? ` (${scenario.actual})` : ''}`).join('\n');
}

/** Run a command; resolves with its exit status and, when asked, what it printed. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => resolve({ status: 1, output: `${output}${error.message}` }));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

/**
 * Write an edition, build it, grade it on a cluster named after `slot` (editions graded side
 * by side need clusters of their own); returns its grade, or undefined after a failed check.
 */
async function gradeEdition(label, editionArgs, slot = 0, scenarios = []) {
  const dir = path.join(workDir, label);
  const log = `${dir}.log`;
  const started = performance.now();
  execFileSync('node', ['dist/exercises/student-edition.js', dir, ...editionArgs], { cwd: projectDir, stdio: 'ignore' });
  execFileSync('cp', ['-al', path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules')]);
  const build = await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: dir });
  check(`${label}: the edition typechecks`, build.status === 0 ? undefined : build.output.trim());
  if (build.status !== 0) return undefined;
  const env = { ...process.env, KUBELAB_CLUSTER_NAME: `kubelab-edition-${slot}` };
  const test = await run('sh', ['-c', `node dist/exercises/run-tests.js "$@" > "${log}" 2>&1`, 'run-tests', ...scenarios], {
    cwd: dir,
    env,
  });
  const grade = readGrade(dir);
  console.log(`  # ${label}: graded in ${((performance.now() - started) / 1000).toFixed(0)} s (cucumber exited ${test.status}; output in ${path.relative(projectDir, log)})`);
  check(`${label}: the edition grades`, grade === undefined ? `no reports/grade.json; see ${log}` : undefined);
  return grade;
}

/** Run `task` for every item, at most `width` at a time; `task` gets the item and its slot. */
async function inParallel(items, width, task) {
  const queue = [...items];
  const slot = async (index) => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item, index);
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, (_, index) => slot(index)));
}

function checkReference(exercises) {
  const grade = readGrade(projectDir);
  check('reference: npm test wrote reports/grade.json', grade === undefined ? 'run npm test first' : undefined);
  if (!grade) return;
  for (const exercise of exercises) {
    const graded = grade.exercises.find((candidate) => candidate.id === exercise.id);
    const problem = !graded ? 'no scenario grades it' : graded.earned !== graded.points ? describe(graded.scenarios.filter((s) => s.status !== 'passed')) : undefined;
    check(`reference: ${exercise.id} earns full marks`, problem);
  }
}

/**
 * The edition keeps every file but the regions' insides: a solution's logic anywhere else (a
 * copy, an export, a helper that does the same) would ship the answer.
 */
function checkNoAnswerOutsideRegions(exercises) {
  const tracked = execFileSync('git', ['ls-files', 'impl', 'steps', 'bench', 'exercises', 'lessons'], { cwd: projectDir, encoding: 'utf8' });
  const files = tracked.split('\n').filter((file) => file.endsWith('.ts'));
  const solutions = solutionFunctions(projectDir, [...new Set(exercises.flatMap((exercise) => exercise.files))]);
  const leaks = findAnswerLeaks(projectDir, files, solutions);
  const problem = leaks.map((leak) => `${leak.at}: ${leak.why} as ${leak.solution}, the solution of ${leak.exercise}`).join('\n');
  check(`no solution is written outside its region (${solutions.length} solution functions, ${files.length} files)`, leaks.length === 0 ? undefined : problem);
}

async function checkAllStubbed(exercises, slot) {
  const grade = await gradeEdition('all-stubbed', [], slot);
  if (!grade) return;
  for (const exercise of exercises) {
    const graded = grade.exercises.find((candidate) => candidate.id === exercise.id);
    check(`all stubbed: ${exercise.id} earns 0`, !graded ? 'no scenario grades it' : graded.earned === 0 ? undefined : describe(graded.scenarios.filter((s) => s.status === 'passed')));
  }
  const leftOut = !existsSync(path.join(workDir, 'all-stubbed', MutantsFolder));
  check('all stubbed: the edition leaves the mutants out (they quote the solutions)', leftOut ? undefined : `${MutantsFolder} is in the edition`);
  const broken = grade.outside.problems.filter((scenario) => scenario.status !== 'blocked');
  check(`all stubbed: scenarios outside the exercises pass or reach a stub (${grade.outside.passed} pass, ${grade.outside.blocked} reach a stub)`, broken.length === 0 ? undefined : describe(broken));
}

/** Whether an exercise's code runs in the API server, which nearly every scenario reaches. */
function isInApiServer(exercise) {
  return exercise.files.every((file) => file.startsWith('impl/store/') || file.startsWith('impl/apiserver/'));
}

/** Each scenario of an edition's cucumber report: `<file>:<line>`, its tags, and whether it passed. */
function scenarioResults(dir) {
  const file = path.join(dir, 'reports', 'cucumber.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).flatMap((feature) =>
    feature.elements.map((element) => {
      const steps = [...(element.before ?? []), ...element.steps, ...(element.after ?? [])];
      return {
        at: `${feature.uri}:${element.line}`,
        name: element.name,
        tags: (element.tags ?? []).map((tag) => tag.name),
        passed: steps.every((step) => step.result?.status === 'passed'),
      };
    }),
  );
}

/**
 * The probe edition: the reference, with each solution saying when it runs (exercises/probe.ts).
 * Every scenario passes, as in the reference, and each exercise's own scenarios reach it (or
 * the marks were lost). Returns, per scenario, the exercises it reached.
 */
async function checkProbe(exercises, slot) {
  const grade = await gradeEdition('probe', ['--probe'], slot);
  if (!grade) return undefined;
  const dir = path.join(workDir, 'probe');
  const results = scenarioResults(dir);
  const failed = results.filter((result) => !result.passed).map((result) => `${result.at} "${result.name}" did not pass`);
  check(`probe: every scenario passes, as in the reference (${results.length})`, failed.length === 0 ? undefined : failed.join('\n'));
  const file = path.join(dir, 'reports', 'probe.json');
  check('probe: the run wrote reports/probe.json', existsSync(file) ? undefined : `see ${dir}.log`);
  if (!existsSync(file)) return undefined;
  const reached = JSON.parse(readFileSync(file, 'utf8')).scenarios;
  const unheard = results.flatMap((result) =>
    exercises
      .filter((exercise) => result.tags.includes(exerciseTag(exercise.id)) && !reached[result.at]?.includes(exercise.id))
      .map((exercise) => `${result.at} "${result.name}" is ${exercise.id}'s, but no mark of it was heard`),
  );
  check('probe: each exercise\'s scenarios reach it', unheard.length === 0 ? undefined : unheard.join('\n'));
  return unheard.length === 0 && failed.length === 0 ? { results, reached } : undefined;
}

async function checkOnlyStubbed(exercise, slot, probe) {
  // With a probe: only the scenarios that reach the exercise, and its own; without, all of them.
  const scenarios =
    probe === undefined
      ? []
      : probe.results
          .filter((result) => probe.reached[result.at]?.includes(exercise.id) || result.tags.includes(exerciseTag(exercise.id)))
          .map((result) => result.at);
  const grade = await gradeEdition(`only-${exercise.id}`, ['--only', exercise.id], slot, [...new Set(scenarios)]);
  if (!grade) return;
  const own = grade.exercises.find((candidate) => candidate.id === exercise.id);
  const notFailing = own ? own.scenarios.filter((scenario) => scenario.status !== 'failed') : [];
  check(`only ${exercise.id} stubbed: each of its scenarios fails on its stub`, !own ? 'no scenario grades it' : notFailing.length === 0 ? undefined : describe(notFailing));
  const others = [...grade.exercises.filter((candidate) => candidate.id !== exercise.id).flatMap((graded) => graded.scenarios), ...grade.outside.problems];
  const wrong = others.filter((scenario) => scenario.status === 'failed' || (scenario.status === 'blocked' && scenario.blockedBy !== exercise.id));
  check(`only ${exercise.id} stubbed: every other scenario passes or reaches its stub`, wrong.length === 0 ? undefined : describe(wrong));
  for (const scenario of wrong) printDetails(path.join(workDir, `only-${exercise.id}`), scenario);
}

/**
 * A scenario that should not have failed: its whole error, and the error lines of the component
 * logs attached to it, from the edition's cucumber report, so that CI's output alone says why.
 */
function printDetails(dir, scenario) {
  const file = path.join(dir, 'reports', 'cucumber.json');
  if (!existsSync(file)) return;
  const [uri, line] = [scenario.uri.replace(/:\d+$/, ''), Number(scenario.uri.split(':').pop())];
  const element = JSON.parse(readFileSync(file, 'utf8'))
    .filter((feature) => feature.uri === uri)
    .flatMap((feature) => feature.elements)
    .find((candidate) => candidate.line === line);
  if (!element) return;
  const lines = [`details of ${scenario.uri}:`];
  for (const step of [...(element.before ?? []), ...element.steps, ...(element.after ?? [])]) {
    if (step.result?.error_message) lines.push(...step.result.error_message.split('\n').slice(0, 20));
    for (const embedding of step.embeddings ?? []) {
      if (embedding.mime_type !== 'text/plain') continue;
      const text = Buffer.from(embedding.data, 'base64').toString('utf8');
      const errors = text.split('\n').filter((logLine) => / E /.test(logLine)).slice(-10);
      if (errors.length > 0) lines.push(`${embedding.name ?? 'log'}:`, ...errors.map((logLine) => logLine.slice(0, 400)));
    }
  }
  console.log(`  # ${lines.join('\n  # ')}`);
}

/** Why a control grade of the reference is not full marks, or undefined. */
function controlProblem(control) {
  if (control.earned === control.points && !control.problem) return undefined;
  return `earns ${control.earned}${control.problem ? `: ${control.problem}` : ''}\n${control.caughtBy.join('\n')}`;
}

function checkMutantCounts(exercises) {
  for (const exercise of exercises) {
    const count = AllMutants.filter((mutant) => mutant.exercise === exercise.id).length;
    check(`mutants: ${exercise.id} has at least ${MinimumMutantsPerExercise} (${count})`, count >= MinimumMutantsPerExercise ? undefined : 'write more in exercises/mutants/');
  }
}

const mutantCopies = new MutantCopies({ isGenerated: false, workDir: path.join(workDir, 'mutants'), projectDir });
const mutantReports = [];
let mutantSeconds = 0;

/** Grade one exercise's mutants, in the slot's copy of the reference, on its own cluster. */
async function gradeMutants(exercise, slot) {
  const started = performance.now();
  mutantReports.push(...(await mutantCopies.grade([exercise], slot)));
  mutantSeconds += (performance.now() - started) / 1000;
}

function checkMutantReports(exercises) {
  console.log(`  # mutants graded in ${mutantSeconds.toFixed(0)} s, summed over the slots`);
  for (const exercise of exercises) {
    const graded = mutantReports.find((entry) => entry.exercise === exercise.id);
    if (!graded) {
      check(`mutants: ${exercise.id} was graded`, 'no report; see the [slot] lines above');
      continue;
    }
    const { control, controlAfter } = graded;
    check(`mutants: ${exercise.id}'s reference, graded like a mutant before them, earns ${control.points}`, controlProblem(control));
    // After them, on the same cluster (fresh only where a mutant left stray keys in etcd): a
    // cluster the mutants left worse would have caught them unfairly.
    // (Not graded again where no component of the cluster ran them: the kubelet's exercises.)
    if (controlAfter) check(`mutants: ${exercise.id}'s reference, graded again after them, earns ${controlAfter.points}`, controlProblem(controlAfter));
    for (const mutant of graded.mutants) {
      const caught = mutant.caughtBy.length > 0 ? `; caught by ${mutant.caughtBy.join(', ')}` : '';
      const atMost = mutant.notRun ? 'at most ' : '';
      const name = `mutant ${mutant.name} (${mutant.mistake}) earns ${atMost}${mutant.earned} of ${mutant.points}${caught}`;
      const problem = mutant.problem ? `not graded: ${mutant.problem}` : mutant.earned > mutant.points / 2 ? `earns more than half: strengthen the scenarios of ${exercise.id}` : undefined;
      check(name, problem);
    }
  }
}

const exercises = loadExercises();
const chosenIds = process.argv.find((arg) => arg.startsWith('--exercises='))?.slice('--exercises='.length).split(',');
const unknownId = chosenIds?.find((id) => !exercises.some((exercise) => exercise.id === id));
if (unknownId !== undefined) {
  console.error(`check-student-edition: there is no exercise "${unknownId}"; the exercises are ${exercises.map((exercise) => exercise.id).join(', ')}`);
  process.exit(2);
}
const checked = chosenIds ? exercises.filter((exercise) => chosenIds.includes(exercise.id)) : exercises;
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
checkReference(checked);
checkNoAnswerOutsideRegions(exercises);
if (isQuick) await checkAllStubbed(exercises, 0);
else {
  // One pool of slots for all of it. The probe first; meanwhile the other slots grade what
  // needs no probe: the edition with everything stubbed, the API server's exercises (which
  // nearly every scenario reaches), then the mutants. The editions that need the probe's
  // answer come last, so no slot waits for it.
  checkMutantCounts(checked);
  let probing;
  const tasks = [
    (slot) => (probing = checkProbe(exercises, slot)),
    (slot) => checkAllStubbed(exercises, slot),
    ...checked.filter(isInApiServer).map((exercise) => (slot) => checkOnlyStubbed(exercise, slot, undefined)),
    ...checked.map((exercise) => (slot) => gradeMutants(exercise, slot)),
    ...checked.filter((exercise) => !isInApiServer(exercise)).map((exercise) => async (slot) => checkOnlyStubbed(exercise, slot, await probing)),
  ];
  await inParallel(tasks, jobs, (task, slot) => task(slot));
  checkMutantReports(checked);
}
const failed = results.filter((result) => result.problem !== undefined).length;
console.log(`# pass ${results.length - failed}`);
console.log(`# fail ${failed}`);
process.exit(failed > 0 ? 1 : 0);
