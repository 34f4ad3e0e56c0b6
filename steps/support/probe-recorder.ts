// In the probe edition (exercises/probe.ts), the run writes which exercises each scenario
// reached to reports/probe.json: the student-edition check runs, in the edition of exercise X,
// only the scenarios that reach X.
//
// Components print a mark when an exercise runs; the test process hears its own marks directly.
// Each scenario's window runs from its first hook to the end of its clean-up. The marks are
// read from the components' whole logs once every scenario is done, so none is still on its
// way through a log stream.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ExerciseMark,
  exercisesReached,
  ProbeListener,
  probeMarkIn,
  type ScenarioWindow,
} from '../../exercises/probe.js';
import { PROJECT_DIR } from '../../impl/project-root.js';

export const ProbeReportFile = 'reports/probe.json';
/** More lines than any log of a test run holds: a log read whole. */
export const WholeLog = 10_000_000;

export class ProbeRecorder {
  private readonly windows: ScenarioWindow[] = [];
  private readonly marks: ExerciseMark[] = [];
  private current: { uri: string; started: number } | undefined;

  constructor() {
    (globalThis as unknown as Record<string, unknown>)[ProbeListener] = (exercise: string) =>
      this.marks.push({ exercise, at: Date.now() });
  }

  scenarioStarted(uri: string, at: number): void {
    this.current = { uri, started: at };
  }

  scenarioEnded(at = Date.now()): void {
    if (this.current) this.windows.push({ ...this.current, ended: at });
    this.current = undefined;
  }

  /** Keep the marks in a log that will be gone by the end: a real node's, before it is removed. */
  readLog(log: string): void {
    this.marks.push(...marksIn(log));
  }

  /** Read the marks in the components' logs, give each to its scenario, write the report. */
  write(componentLogs: readonly string[]): void {
    const printed = componentLogs.flatMap(marksIn);
    const scenarios = exercisesReached(this.windows, [...this.marks, ...printed]);
    const file = path.join(PROJECT_DIR, ProbeReportFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ scenarios }, null, 2)}\n`);
  }
}

function marksIn(log: string): ExerciseMark[] {
  return log.split('\n').flatMap((line) => probeMarkIn(line) ?? []);
}
