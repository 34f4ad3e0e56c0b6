// Steps for pods written out in full in a feature: init containers, probes of every kind, and
// tables of pods whose containers exit with the codes given. Each pod is created with kubectl,
// as a person would, and watched from before its creation, so a step can look back at every
// status the kubelet wrote on the way.

import assert from 'node:assert/strict';
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { parse } from 'yaml';
import type { JsonObject, KubeObject } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import {
  applyPodWithKubectl,
  containerNamed,
  containerNames,
  getPod,
  isRestarted,
  type PodRow,
  podEvents,
  podHistory,
  podManifestOfRow,
  podRows,
} from './support/pods.js';
import { conditionOf } from './support/real-nodes.js';
import { eventuallyExplained } from './support/warnings.js';
import type { KubeWorld } from './support/world.js';

/** How far along a phase is: a pod's phase never goes back, and Succeeded and Failed are final. */
const PhaseOrder: Record<string, number> = { Pending: 0, Running: 1, Succeeded: 2, Failed: 2 };

When('pod {string} is created with kubectl from:', async function (this: KubeWorld, label: string, yaml: string) {
  const written = parse(yaml) as { spec: JsonObject };
  await applyPodWithKubectl(this, label, (name) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: this.namespace },
    spec: written.spec,
  }));
});

When(
  'these pods are created with kubectl, whose containers exit with the codes given or run on:',
  async function (this: KubeWorld, table: DataTable) {
    const rows = podRows(table.hashes());
    this.notes.set('table of pods', JSON.stringify(rows));
    for (const row of rows)
      await applyPodWithKubectl(this, row.pod, (name) => podManifestOfRow(name, this.namespace, row));
  },
);

Then(
  'within {int} seconds each pod is in its phase, and has restarted its containers as its restartPolicy says',
  async function (this: KubeWorld, seconds: number) {
    const rows = tableOfPods(this);
    await eventuallyExplained(
      this,
      async () => {
        for (const row of rows) {
          const pod = await getPod(this, row.pod);
          assert.equal(pod.status?.phase, row.phase, `pod ${row.pod} is ${pod.status?.phase}, not ${row.phase}`);
          assertRestarts(pod, row);
        }
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  "no pod's phase went back: none left Succeeded or Failed, none went from Running to Pending",
  function (this: KubeWorld) {
    for (const row of tableOfPods(this)) {
      const phases = podHistory(this, row.pod).flatMap((pod) => String(pod.status?.phase ?? '') || []);
      const changes = phases.filter((phase, index) => phase !== phases[index - 1]);
      const wentBack = changes.some(
        (phase, index) => index > 0 && (PhaseOrder[phase] ?? 0) <= (PhaseOrder[changes[index - 1] ?? ''] ?? 0),
      );
      assert.ok(!wentBack, `pod ${row.pod}'s phase went ${changes.join(', then ')}`);
    }
  },
);

Then(
  'within {int} seconds pod {string} is {string}',
  async function (this: KubeWorld, seconds: number, label: string, phase: string) {
    await eventually(async () => assert.equal((await getPod(this, label)).status?.phase, phase), {
      timeoutMs: seconds * 1000,
      intervalMs: 250,
    });
  },
);

Then(
  "pod {string}'s init containers {string} and {string} completed, the second started after the first ended, " +
    'and its container {string} after both',
  async function (this: KubeWorld, label: string, first: string, second: string, main: string) {
    const pod = await getPod(this, label);
    const ended = (name: string) => {
      const terminated = containerNamed(pod, name)?.state.terminated;
      assert.deepEqual(
        [terminated?.exitCode, terminated?.reason],
        [0, 'Completed'],
        `${name}: ${JSON.stringify(terminated)}`,
      );
      return {
        started: Date.parse(String(terminated?.startedAt)),
        finished: Date.parse(String(terminated?.finishedAt)),
      };
    };
    const [one, two] = [ended(first), ended(second)];
    const mainStarted = Date.parse(String(containerNamed(pod, main)?.state.running?.startedAt));
    assert.ok(two.started >= one.finished, `${second} started before ${first} ended: ${JSON.stringify({ one, two })}`);
    assert.ok(
      mainStarted >= two.finished,
      `${main} started at ${new Date(mainStarted).toISOString()}, before ${second} ended`,
    );
  },
);

Then(
  "while pod {string}'s init container {string} ran, the pod was {string}, its condition Initialized {string} " +
    'with message {string}',
  function (this: KubeWorld, label: string, init: string, phase: string, status: string, message: string) {
    const seen = podHistory(this, label).filter((pod) => containerNamed(pod, init)?.state.running !== undefined);
    assert.ok(seen.length > 0, `no status showed ${init} running`);
    for (const pod of seen) {
      const initialized = conditionOf(pod, 'Initialized');
      assert.deepEqual([pod.status?.phase, initialized?.status, initialized?.message], [phase, status, message]);
    }
  },
);

Then(
  "pod {string}'s init container {string} terminated with exit code {int}, " +
    'and its container {string} waits with reason {string}',
  async function (this: KubeWorld, label: string, init: string, exitCode: number, main: string, reason: string) {
    const pod = await getPod(this, label);
    assert.equal(containerNamed(pod, init)?.state.terminated?.exitCode, exitCode);
    assert.equal(containerNamed(pod, main)?.state.waiting?.reason, reason);
    // It never ran at all: no status the kubelet wrote shows it otherwise.
    const ran = podHistory(this, label).filter((seen) => {
      const status = containerNamed(seen, main);
      return status !== undefined && status.state.waiting === undefined;
    });
    assert.equal(ran.length, 0, `${main} left waiting in ${ran.length} status(es)`);
  },
);

Then(
  "within {int} seconds pod {string}'s container {string} has restarted at least {int} time(s), " +
    'and the pod is {string}',
  async function (this: KubeWorld, seconds: number, label: string, container: string, restarts: number, phase: string) {
    await eventually(
      async () => {
        const pod = await getPod(this, label);
        const count = containerNamed(pod, container)?.restartCount ?? 0;
        assert.ok(count >= restarts, `restartCount of ${container} is ${count}`);
        assert.equal(pod.status?.phase, phase);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then(
  'pod {string} has an event {string} saying {string}, where <pod IP> is its IP',
  async function (this: KubeWorld, label: string, reason: string, template: string) {
    const pod = await getPod(this, label);
    const message = template.replaceAll('<pod IP>', String(pod.status?.podIP));
    await eventually(
      async () => {
        const found = await podEvents(this, label, reason);
        assert.ok(
          found.some((event) => event.message === message),
          `wanted "${message}"; events ${reason}: ${found.map((event) => event.message).join(' | ') || 'none'}`,
        );
      },
      { timeoutMs: 10_000, intervalMs: 250 },
    );
  },
);

function tableOfPods(world: KubeWorld): PodRow[] {
  const rows = world.notes.get('table of pods');
  if (!rows) throw new Error('the scenario created no table of pods');
  return JSON.parse(rows) as PodRow[];
}

/** Each container its policy restarts has restarted at least twice; every other, never. */
function assertRestarts(pod: KubeObject, row: PodRow): void {
  const names = containerNames(row);
  const entries = [
    ...row.initContainers.map((entry, index) => ({ entry, name: names.init[index] ?? '', isInit: true })),
    ...row.containers.map((entry, index) => ({ entry, name: names.containers[index] ?? '', isInit: false })),
  ];
  for (const { entry, name, isInit } of entries) {
    const restarts = containerNamed(pod, name)?.restartCount ?? 0;
    const isExpected = isRestarted(row.restartPolicy, entry, isInit) ? restarts >= 2 : restarts === 0;
    assert.ok(isExpected, `pod ${row.pod}'s container ${name} (${entry}) has restarted ${restarts} time(s)`);
  }
}
