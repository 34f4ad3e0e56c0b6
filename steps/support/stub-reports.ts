// When a component reaches an unsolved exercise, the scenario waiting on it stops at once.
//
// In a student edition a stub throws "exercise X is not solved yet". A step that calls the API
// itself gets that message in the answer and fails at once. A step that waits for a component
// (a pod scheduled, a replica set's pods created) would wait out its whole deadline instead,
// because the scheduler or the controller manager only logs the failure and tries again. So
// while a student edition runs, the harness follows every component's log, and the kubelet's
// of every real node a scenario starts; a line that names
// an unsolved exercise and something of the running scenario (its namespace, a node it made)
// ends the scenario's waits with that line. The grader then reads it as any stub's message:
// failed for the exercise's own scenarios, blocked for everyone else's.

import { unsolvedExerciseIn } from '../../exercises/catalog.js';
import { containerLog, followLogs } from '../../impl/cluster/log-follower.js';
import type { FollowComponentLogs } from './cluster-access.js';

/** Enough for the lines of one scenario: components repeat a failure on every retry. */
const KeptReports = 500;

export interface StubReport {
  exercise: string;
  component: string;
  line: string;
  /** When the harness read the line (ms since the epoch). */
  at: number;
  /** The real node whose kubelet wrote the line, if a kubelet did. */
  node?: string;
}

export class StubReports {
  private readonly reports: StubReport[] = [];
  private readonly stops: Array<() => void> = [];
  /** The real nodes' kubelets followed, by node: each until its node is removed. */
  private readonly nodes = new Map<string, () => void>();

  /** Follow every component's log until stop(). */
  static follow(followLogs: FollowComponentLogs): StubReports {
    const reports = new StubReports();
    reports.stops.push(followLogs((component, line) => reports.read(component, line)));
    return reports;
  }

  /**
   * Follow the log of a real node's container, until unfollowNode: its kubelet's lines belong
   * to the scenario that made the node, whatever they name.
   */
  followNode(node: string, containerId: string): void {
    this.unfollowNode(node);
    const read = (line: string) => this.read('kubelet', line, Date.now(), node);
    this.nodes.set(node, followLogs(containerLog(containerId), read));
  }

  unfollowNode(node: string): void {
    this.nodes.get(node)?.();
    this.nodes.delete(node);
  }

  read(component: string, line: string, at = Date.now(), node?: string): void {
    const exercise = unsolvedExerciseIn(line);
    if (exercise === undefined) return;
    this.reports.push({ exercise, component, line, at, ...(node === undefined ? {} : { node }) });
    if (this.reports.length > KeptReports) this.reports.splice(0, this.reports.length - KeptReports);
  }

  /** The first report read since `since` whose line names one of `marks`, or whose node is one of them. */
  find(since: number, marks: string[]): StubReport | undefined {
    const wanted = marks.filter((mark) => mark !== '');
    const names = (report: StubReport, mark: string) => report.line.includes(mark) || report.node === mark;
    return this.reports.find((report) => report.at >= since && wanted.some((mark) => names(report, mark)));
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const node of [...this.nodes.keys()]) this.unfollowNode(node);
  }
}

/** How a report reads in a failed step: the stub's message is in the quoted line. */
export function describeStubReport(report: StubReport): string {
  return `the ${report.component} reached a stub while the scenario waited: ${report.line}`;
}
