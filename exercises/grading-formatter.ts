// The cucumber formatter `npm test` prints with: live progress, failures, the usual summary
// lines, then the grade.
//
// One line per scenario as it ends, so a learner sees the run moving. At the end: every
// failure the grade does not explain, in cucumber's own format (in the reference repository
// that is every failure); cucumber's "N scenarios (…)" lines, which CI counts; then the grade
// table, written also to reports/grade.json and reports/grade.xml. A scenario skipped by a
// hook that logged "not applicable: <why>" is not applicable, not passed (see hooks.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Formatter, formatterHelpers, type IFormatterOptions, Status } from '@cucumber/cucumber';
import type { Envelope, Timestamp } from '@cucumber/messages';
import { loadExercises, studentEdition } from './catalog.js';
import { PROJECT_DIR } from '../impl/project-root.js';
import { gradeRun, type Grade, NotApplicablePrefix, type ScenarioResult } from './grade.js';
import { gradingCluster } from './grading-cluster.js';
import { type Paint, renderGradeTable, renderJUnit } from './grade-report.js';

export const GradeJsonFile = 'reports/grade.json';
export const GradeXmlFile = 'reports/grade.xml';

type TestCaseAttempt = ReturnType<formatterHelpers.EventDataCollector['getTestCaseAttempt']>;

export default class GradingFormatter extends Formatter {
  static override readonly documentation = 'kubelab: progress, failures, summary and the exercise grade';
  private readonly results = new Map<string, ScenarioResult>();
  private runStarted?: Timestamp;

  constructor(options: IFormatterOptions) {
    super(options);
    options.eventBroadcaster.on('envelope', (envelope: Envelope) => {
      if (envelope.testRunStarted) this.runStarted = envelope.testRunStarted.timestamp;
      if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried)
        this.scenarioFinished(envelope.testCaseFinished.testCaseStartedId);
      if (envelope.testRunFinished) this.runFinished(envelope.testRunFinished.timestamp);
    });
  }

  private scenarioFinished(testCaseStartedId: string): void {
    const attempt = this.eventDataCollector.getTestCaseAttempt(testCaseStartedId);
    const result = scenarioResult(attempt);
    this.results.set(attempt.testCase.id, result);
    const mark = {
      passed: this.paint.good('✓'),
      failed: this.paint.bad('✗'),
      'not-applicable': this.paint.dim('-'),
    }[result.status];
    const exercises = result.tags.filter((tag) => tag.startsWith('@exercise-')).join(' ');
    this.log(`  ${mark} ${result.name}  ${this.paint.dim(`${result.uri} ${exercises}`.trim())}\n`);
  }

  private runFinished(finished: Timestamp): void {
    const edition = studentEdition() ? 'student' : 'reference';
    const grade = gradeRun(loadExercises(), [...this.results.values()], edition, gradingCluster(PROJECT_DIR));
    this.logUnexplainedFailures(grade);
    const summary = formatterHelpers.formatSummary({
      colorFns: this.colorFns,
      testCaseAttempts: this.eventDataCollector.getTestCaseAttempts(),
      testRunDuration: between(this.runStarted, finished),
    });
    this.log(`\n${summary}`);
    this.writeReports(grade);
    if (grade.exercises.length > 0) this.log(renderGradeTable(grade, this.paint));
  }

  /**
   * In a student edition the grade explains exercise failures and blocked scenarios; anything
   * else is printed in full.
   */
  private logUnexplainedFailures(grade: Grade): void {
    const explained = new Set(
      grade.edition === 'student'
        ? grade.exercises.flatMap((exercise) => exercise.scenarios.map((scenario) => scenario.uri))
        : [],
    );
    if (grade.edition === 'student')
      for (const problem of grade.outside.problems) if (problem.status === 'blocked') explained.add(problem.uri);
    const failures = this.eventDataCollector
      .getTestCaseAttempts()
      .filter(
        (attempt) =>
          formatterHelpers.isFailure(attempt.worstTestStepResult, attempt.willBeRetried) &&
          !explained.has(this.results.get(attempt.testCase.id)?.uri ?? ''),
      );
    if (failures.length > 0) this.log('\nFailures:\n\n');
    failures.forEach((testCaseAttempt, index) => {
      const { colorFns, snippetBuilder, supportCodeLibrary, printAttachments } = this;
      this.log(
        formatterHelpers.formatIssue({
          colorFns,
          number: index + 1,
          snippetBuilder,
          supportCodeLibrary,
          testCaseAttempt,
          printAttachments,
        }),
      );
    });
    const blocked = grade.outside.blocked;
    if (grade.edition === 'student' && blocked > 0)
      this.log(`\n${blocked} scenario(s) outside the exercises wait for an exercise to be solved.\n`);
  }

  private writeReports(grade: Grade): void {
    const json = path.resolve(this.cwd, GradeJsonFile);
    mkdirSync(path.dirname(json), { recursive: true });
    writeFileSync(json, `${JSON.stringify(grade, null, 2)}\n`);
    writeFileSync(path.resolve(this.cwd, GradeXmlFile), renderJUnit(grade));
  }

  private get paint(): Paint {
    return {
      good: this.colorFns.forStatus(Status.PASSED),
      bad: this.colorFns.forStatus(Status.FAILED),
      dim: this.colorFns.location,
    };
  }
}

function scenarioResult(attempt: TestCaseAttempt): ScenarioResult {
  const { pickle, gherkinDocument, worstTestStepResult } = attempt;
  const line = formatterHelpers.PickleParser.getPickleLocation({ gherkinDocument, pickle }).line;
  const base = { name: pickle.name, uri: `${pickle.uri}:${line}`, tags: pickle.tags.map((tag) => tag.name) };
  if (worstTestStepResult.status === Status.PASSED) return { ...base, status: 'passed' };
  const reason = Object.values(attempt.stepAttachments)
    .flat()
    .map((attachment) => attachment.body)
    .find((body) => body.startsWith(NotApplicablePrefix));
  if (worstTestStepResult.status === Status.SKIPPED && reason !== undefined)
    return { ...base, status: 'not-applicable', message: reason };
  const message =
    worstTestStepResult.exception?.message ??
    worstTestStepResult.message ??
    `the scenario ended ${worstTestStepResult.status.toLowerCase()}`;
  return { ...base, status: 'failed', message };
}

function between(start: Timestamp | undefined, end: Timestamp): { seconds: number; nanos: number } {
  const nanos = (end.seconds - (start?.seconds ?? end.seconds)) * 1e9 + (end.nanos - (start?.nanos ?? end.nanos));
  return { seconds: Math.floor(nanos / 1e9), nanos: nanos % 1e9 };
}
