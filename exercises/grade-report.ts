// The grade, rendered: a table for the terminal and JUnit XML for classroom autograders.
//
// The table lists each exercise with earned/possible points, then every scenario that did not
// pass with the lesson section that teaches it, the first-tier hint, and expected vs actual.
// In JUnit each exercise is a test suite (points as properties) and each scenario a test case;
// a blocked scenario is a failure, a scenario that does not apply is skipped.

import type { ExerciseGrade, Grade, ScenarioGrade } from './grade.js';

export interface Paint {
  good: (text: string) => string;
  bad: (text: string) => string;
  dim: (text: string) => string;
}

const plain: Paint = { good: (text) => text, bad: (text) => text, dim: (text) => text };

export function renderGradeTable(grade: Grade, paint: Paint = plain): string {
  const title = grade.edition === 'student' ? 'Grade' : 'Grade (reference solutions: every exercise is solved here)';
  const idWidth = Math.max(8, ...grade.exercises.map((exercise) => exercise.id.length));
  const countsWidth = Math.max(
    ...grade.exercises.map(
      (exercise) => `${exercise.passed} of ${exercise.applicable} scenarios${notApplicable(exercise)}`.length,
    ),
  );
  const lines = ['', title, ''];
  if (!grade.cluster.isGraded) lines.push(paint.bad(`  Not graded: ${grade.cluster.why ?? ''}`), '');
  for (const exercise of grade.exercises) {
    const isFull = exercise.earned === exercise.points;
    const mark =
      exercise.applicable === 0 || exercise.notGraded ? paint.dim('-') : isFull ? paint.good('✓') : paint.bad('✗');
    const score = (
      exercise.notGraded
        ? 'not graded'
        : exercise.applicable === 0
          ? 'n/a'
          : `${format(exercise.earned)} / ${exercise.points}`
    ).padStart(10);
    const counts = paint.dim(
      `${exercise.passed} of ${exercise.applicable} scenarios${notApplicable(exercise)}`.padEnd(countsWidth),
    );
    const lesson = paint.dim(`lesson ${exercise.lesson} § ${exercise.section}`);
    lines.push(`  ${mark} ${exercise.id.padEnd(idWidth)}  ${score}  ${counts}  ${lesson}`);
  }
  const total = grade.cluster.isGraded ? `${format(grade.earned)} / ${grade.points}` : 'not graded';
  lines.push(`    ${'total'.padEnd(idWidth)}  ${total.padStart(10)}`);
  const notApplicableHere = grade.exercises
    .flatMap((exercise) => exercise.scenarios)
    .filter((scenario) => scenario.status === 'not-applicable');
  for (const reason of new Set(notApplicableHere.map((scenario) => scenario.actual))) {
    const count = notApplicableHere.filter((scenario) => scenario.actual === reason).length;
    lines.push(paint.dim(`    ${count} scenario(s) ${reason}`));
  }
  const todo = grade.exercises.flatMap((exercise) => renderToDo(exercise, paint));
  if (todo.length > 0) lines.push('', 'To do:', ...todo);
  return `${lines.join('\n')}\n`;
}

/** Each failing scenario in full; scenarios blocked by another exercise, one line per blocker. */
function renderToDo(exercise: ExerciseGrade, paint: Paint): string[] {
  const lines: string[] = [];
  const failed = exercise.scenarios.filter((candidate) => candidate.status === 'failed');
  const atStub = failed.filter((scenario) => scenario.actual?.includes(`exercise ${exercise.id} is not solved yet`));
  if (atStub.length > 0) {
    lines.push(
      '',
      `  ${paint.bad('✗')} ${exercise.id}: ${atStub.length} scenario(s) reach its stub, ` +
        `which says "exercise ${exercise.id} is not solved yet"`,
    );
    lines.push(`      lesson:   ${exercise.lesson} § ${exercise.section}`, `      hint:     ${atStub[0]?.hint ?? ''}`);
  }
  for (const scenario of failed.filter((candidate) => !atStub.includes(candidate))) {
    lines.push('', `  ${paint.bad('✗')} ${exercise.id}: ${scenario.name}  ${paint.dim(scenario.uri)}`);
    lines.push(`      lesson:   ${exercise.lesson} § ${exercise.section}`);
    if (scenario.expected !== undefined) lines.push(`      expected: ${scenario.expected}`);
    if (scenario.actual !== undefined) lines.push(`      actual:   ${scenario.actual}`);
    if (scenario.hint) lines.push(`      hint:     ${scenario.hint}`);
  }
  const blocked = exercise.scenarios.filter((candidate) => candidate.status === 'blocked');
  for (const blocker of new Set(blocked.map((scenario) => scenario.blockedBy))) {
    const count = blocked.filter((scenario) => scenario.blockedBy === blocker).length;
    lines.push(
      '',
      `  ${paint.dim('·')} ${exercise.id}: ${count} scenario(s) wait for ${blocker}, ` +
        `which is not solved yet: solve it first`,
    );
  }
  return lines;
}

export function renderJUnit(grade: Grade): string {
  const suites = grade.exercises.map((exercise) => {
    const failures = exercise.scenarios.filter(isProblem).length;
    const skipped = exercise.scenarios.filter((scenario) => scenario.status === 'not-applicable').length;
    const cases = exercise.scenarios.map((scenario) => renderTestCase(exercise, scenario));
    return [
      `  <testsuite name="${xml(exercise.id)}" tests="${exercise.scenarios.length}" ` +
        `failures="${failures}" skipped="${skipped}">`,
      '    <properties>',
      ...Object.entries({
        title: exercise.title,
        lesson: exercise.lesson,
        section: exercise.section,
        points: exercise.points,
        earned: exercise.earned,
        graded: !exercise.notGraded,
      }).map(([name, value]) => `      <property name="${name}" value="${xml(String(value))}"/>`),
      '    </properties>',
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = grade.exercises.reduce((sum, exercise) => sum + exercise.scenarios.length, 0);
  const failures = grade.exercises.reduce((sum, exercise) => sum + exercise.scenarios.filter(isProblem).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubelab grade" tests="${tests}" failures="${failures}" points="${grade.points}"` +
      ` earned="${grade.earned}" graded="${grade.cluster.isGraded}" code-hash="${grade.codeHash}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function renderTestCase(exercise: ExerciseGrade, scenario: ScenarioGrade): string {
  const open = `    <testcase classname="${xml(exercise.id)}" name="${xml(scenario.name)}" file="${xml(scenario.uri)}"`;
  if (scenario.status === 'passed') return `${open}/>`;
  if (scenario.status === 'not-applicable')
    return `${open}>\n      <skipped message="${xml(scenario.actual ?? 'not applicable')}"/>\n    </testcase>`;
  const body = [
    scenario.blockedBy ? `blocked by ${scenario.blockedBy}` : `lesson: ${exercise.lesson} § ${exercise.section}`,
    scenario.expected !== undefined ? `expected: ${scenario.expected}` : undefined,
    `actual: ${scenario.actual ?? ''}`,
    `hint: ${scenario.hint ?? ''}`,
  ].filter((line) => line !== undefined);
  const message = scenario.blockedBy ? `blocked by ${scenario.blockedBy}` : (scenario.actual ?? 'failed');
  return `${open}>\n      <failure message="${xml(message)}">${xml(body.join('\n'))}</failure>\n    </testcase>`;
}

function isProblem(scenario: ScenarioGrade): boolean {
  return scenario.status === 'failed' || scenario.status === 'blocked';
}

function notApplicable(exercise: ExerciseGrade): string {
  const count = exercise.scenarios.length - exercise.applicable;
  return count === 0 ? '' : `, ${count} not applicable`;
}

function format(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
