// Hooks: one cluster for the whole run, one namespace per scenario.
//
// BeforeAll starts the cluster through testcontainers (and AfterAll removes it), unless
// KUBELAB_KUBECONFIG names one that is already up; each scenario gets a namespace of its own,
// so scenarios cannot see each other's objects, and deletes it when it ends (the namespace
// controller removes what is left while the next scenario runs); when a scenario fails, the
// API server's and etcd's recent logs are attached to the report. A scenario that needs a door
// this cluster does not open (@needs-etcd, @needs-audit, @needs-component-control,
// @needs-simulated-nodes, @needs-real-nodes) is skipped as "not applicable", never
// passed. In a student edition the components' logs are followed, so that a scenario whose wait
// a stub has settled stops at once (stub-reports.ts); in the probe edition each scenario's
// window is recorded, to learn which exercises it reaches (probe-recorder.ts).

import { After, AfterAll, Before, BeforeAll, setDefaultTimeout, Status } from '@cucumber/cucumber';
import type { GherkinDocument } from '@cucumber/messages';
import { studentEdition } from '../../exercises/catalog.js';
import { NotApplicablePrefix, NotRunReason, StopAfterFailuresVariable } from '../../exercises/grade.js';
import { ComponentNames, startCluster } from '../../impl/cluster/cluster.js';
import { accessToExistingCluster, accessToStartedCluster, whyNotApplicable } from './cluster-access.js';
import { endWaitsWhen } from './eventually.js';
import { ProbeRecorder, WholeLog } from './probe-recorder.js';
import { describeStubReport, StubReports } from './stub-reports.js';
import { watchOwner } from '../../impl/cluster/owner-watchdog.js';
import { TestClusterOptions } from '../../impl/cluster/test-cluster-options.js';
import { shared, type KubeWorld } from './world.js';

setDefaultTimeout(60_000);

/** What a scenario may need that not every cluster opens (cluster-access.ts). */
const NeedsTags =
  '@needs-etcd or @needs-audit or @needs-component-control or @needs-simulated-nodes or @needs-real-nodes';

BeforeAll({ timeout: 600_000 }, async function () {
  const existing = process.env.KUBELAB_KUBECONFIG;
  if (existing) {
    shared.access = await accessToExistingCluster(existing);
    return;
  }
  const name = process.env.KUBELAB_CLUSTER_NAME ?? 'kubelab-test';
  // A run killed outright (SIGKILL, a crash) runs no AfterAll: the watchdog removes its cluster.
  shared.watchdog = watchOwner(name);
  shared.cluster = await startCluster({ name, ...TestClusterOptions });
  shared.access = accessToStartedCluster(shared.cluster);
});

// In a student edition, follow the components' logs for stubs reached (the watch mode's cluster too).
BeforeAll(function () {
  if (studentEdition() && shared.access?.followLogs) shared.stubReports = StubReports.follow(shared.access.followLogs);
  if (studentEdition()?.probe) shared.probe = new ProbeRecorder();
});

AfterAll({ timeout: 120_000 }, async function () {
  shared.stubReports?.stop();
  const cluster = shared.cluster;
  if (shared.probe && cluster) {
    const logs = await Promise.all(ComponentNames.map((component) => cluster.logs(component, WholeLog)));
    shared.probe.write(logs);
  }
  shared.access?.close?.();
  await shared.cluster?.stop();
  await shared.watchdog?.release();
});

Before({ tags: NeedsTags }, function (this: KubeWorld, { pickle }) {
  const reason =
    shared.access &&
    whyNotApplicable(
      pickle.tags.map((tag) => tag.name),
      shared.access,
    );
  if (reason === undefined) return undefined;
  this.log(`${NotApplicablePrefix}${reason}`);
  return 'skipped';
});

// A mutant's grade is settled once this many scenarios failed (exercises/mutants/): skip the rest.
const stopAfterFailures = Number(process.env[StopAfterFailuresVariable] ?? Number.POSITIVE_INFINITY);
let failures = 0;

Before(function (this: KubeWorld) {
  if (failures < stopAfterFailures) return undefined;
  this.log(`${NotApplicablePrefix}${NotRunReason}`);
  return 'skipped';
});

After(function ({ result }) {
  if (result?.status === Status.FAILED) failures += 1;
});

Before(async function (this: KubeWorld, { pickle, gherkinDocument }) {
  this.scenarioName = pickle.name;
  this.tags = pickle.tags.map((tag) => tag.name);
  this.scenarioUri = `${pickle.uri}:${pickleLine(gherkinDocument, pickle.astNodeIds)}`;
  this.namespace = this.uniqueName('scenario');
  const started = Date.now();
  this.scenarioStartedAt = started;
  shared.probe?.scenarioStarted(this.scenarioUri, started);
  endWaitsWhen(() => {
    const report = shared.stubReports?.find(started, [this.namespace, ...this.nodeNames.values()]);
    return report && describeStubReport(report);
  });
  await this.api.create(
    { resource: 'namespaces' },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace } },
  );
  // The last cleanup: the namespace controller deletes whatever the scenario left in it, unwaited for.
  const namespace = this.namespace;
  this.cleanups.push(() =>
    this.api.delete({ resource: 'namespaces', name: namespace }).then(
      () => undefined,
      () => undefined,
    ),
  );
});

After(async function (this: KubeWorld, { result }) {
  if (result?.status === Status.FAILED && shared.cluster) {
    for (const component of ComponentNames) {
      this.attach(await shared.cluster.logs(component, 60), { mediaType: 'text/plain', fileName: `${component}.log` });
    }
  }
  await this.runCleanups();
  shared.probe?.scenarioEnded();
  endWaitsWhen(undefined);
});

/**
 * The line of a pickle as cucumber's reports give it (and the grade, and the edition check): its
 * Scenario's, or for a row of a Scenario Outline's Examples, the row's, so each row is its own.
 */
function pickleLine(document: GherkinDocument, astNodeIds: readonly string[]): number {
  const children = (document.feature?.children ?? []).flatMap((child) => (child.rule ? child.rule.children : [child]));
  const scenario = children.find((child) => child.scenario?.id === astNodeIds[0])?.scenario;
  const rows = scenario?.examples.flatMap((examples) => examples.tableBody) ?? [];
  const row = rows.find((candidate) => candidate.id === astNodeIds[1]);
  return row?.location.line ?? scenario?.location.line ?? 0;
}
