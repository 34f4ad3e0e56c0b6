// Steps about scheduling: pending pods, and where (and why) the scheduler placed them.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { eventually } from './support/eventually.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import {
  createPod,
  createReplicaSet,
  eventsOf,
  getPod,
  nodeName,
  parseLabel,
  parseExpression,
  parseTaint,
  podsOwnedBy,
  preferringNodes,
  requesting,
  requestingMemory,
  waitForFailedScheduling,
  waitUntilBound,
  whyPending,
} from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

When('a pod {string} requesting {word} CPU is created', async function (this: KubeWorld, label: string, cpu: string) {
  await createPod(this, label, {}, requesting(cpu));
});

When(
  'a pod {string} requesting {word} CPU and {word} of memory is created',
  async function (this: KubeWorld, label: string, cpu: string, memory: string) {
    await createPod(this, label, {}, requesting(cpu, memory));
  },
);

When('a pod {string} requesting nothing is created', async function (this: KubeWorld, label: string) {
  await createPod(this, label);
});

Given(
  'a pod {string} requesting {word} CPU and {word} of memory was bound to node {string}',
  async function (this: KubeWorld, label: string, cpu: string, memory: string, node: string) {
    await createPod(this, label, {}, requesting(cpu, memory));
    await waitUntilBound(this, label, 10, [node]);
  },
);

// A pod that names its node skips the scheduler, yet counts on that node for every later pod.
Given('a pod {string} naming node {string} was created', async function (this: KubeWorld, label: string, node: string) {
  await createPod(this, label, { nodeName: nodeName(this, node) });
});

Given(
  'a pod {string} requesting {word} CPU and naming node {string} was created',
  async function (this: KubeWorld, label: string, cpu: string, node: string) {
    await createPod(this, label, { nodeName: nodeName(this, node) }, requesting(cpu));
  },
);

Given(
  'a pod {string} requesting only {word} of memory and naming node {string} was created',
  async function (this: KubeWorld, label: string, memory: string, node: string) {
    await createPod(this, label, { nodeName: nodeName(this, node) }, requestingMemory(memory));
  },
);

When(
  'a pod {string} requesting only {word} of memory is created',
  async function (this: KubeWorld, label: string, memory: string) {
    await createPod(this, label, {}, requestingMemory(memory));
  },
);

Given(
  'a pod {string} requesting {word} CPU was bound to node {string}',
  async function (this: KubeWorld, label: string, cpu: string, node: string) {
    await createPod(this, label, {}, requesting(cpu));
    await waitUntilBound(this, label, 10, [node]);
  },
);

Given(
  'a pod {string} requesting {word} CPU was created and is Pending',
  async function (this: KubeWorld, label: string, cpu: string) {
    await createPod(this, label, {}, requesting(cpu));
    await eventually(
      async () => assert.ok((await eventsOf(this, label)).some((event) => event.reason === 'FailedScheduling')),
      { timeoutMs: 10_000 },
    );
  },
);

Given(
  'a low-priority pod {string} and a high-priority pod {string}, ' +
    'each requesting {word} CPU, were created and are Pending',
  async function (this: KubeWorld, low: string, high: string, cpu: string) {
    await createPod(this, low, { priority: 0 }, requesting(cpu));
    await createPod(this, high, { priority: 1000 }, requesting(cpu));
    for (const label of [low, high]) {
      await eventually(
        async () => assert.ok((await eventsOf(this, label)).some((event) => event.reason === 'FailedScheduling')),
        { timeoutMs: 10_000 },
      );
    }
  },
);

When(
  'a pod {string} tolerating {string} is created',
  async function (this: KubeWorld, label: string, toleration: string) {
    const { key, value, effect } = parseTaint(toleration);
    await createPod(this, label, { tolerations: [{ key, operator: 'Equal', value, effect }] });
  },
);

When(
  'a pod {string} tolerating {string} \\(Exists) is created',
  async function (this: KubeWorld, label: string, toleration: string) {
    const { key, effect } = parseTaint(toleration);
    await createPod(this, label, { tolerations: [{ key, operator: 'Exists', effect }] });
  },
);

// A blank cell leaves the field out: no operator means Equal, no key or no effect means any.
When('these pods are created, each with one toleration:', async function (this: KubeWorld, table: DataTable) {
  for (const { pod, ...fields } of table.hashes()) {
    const toleration = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
    await createPod(this, pod ?? '', { tolerations: [toleration] });
  }
});

When('a pod {string} without tolerations is created', async function (this: KubeWorld, label: string) {
  await createPod(this, label);
});

When(
  '{int} pods {string} without tolerations are created',
  async function (this: KubeWorld, count: number, label: string) {
    for (let i = 0; i < count; i++) await createPod(this, `${label} ${i}`);
  },
);

When(
  'a pod {string} with the nodeSelector {string} is created',
  async function (this: KubeWorld, label: string, selector: string) {
    await createPod(this, label, { nodeSelector: parseLabel(selector) });
  },
);

When(
  'a pod {string} with required node affinity {string} is created',
  async function (this: KubeWorld, label: string, expression: string) {
    const nodeSelectorTerms = [{ matchExpressions: [parseExpression(expression)] }];
    await createPod(this, label, {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
    });
  },
);

When(
  'a pod {string} with preferred node affinity {string} of weight {int} is created',
  async function (this: KubeWorld, label: string, expression: string, weight: number) {
    await createPod(this, label, preferringNodes(expression, weight));
  },
);

When('a pod {string} naming node {string} is created', async function (this: KubeWorld, label: string, node: string) {
  await createPod(this, label, { nodeName: nodeName(this, node) });
});

Given(
  '{int} pods {string} using host port {int} were scheduled',
  async function (this: KubeWorld, count: number, label: string, port: number) {
    for (let i = 0; i < count; i++) {
      await createPod(this, `${label} ${i}`, {}, { ports: [{ containerPort: port, hostPort: port }] });
      await waitUntilBound(this, `${label} ${i}`, 10, [...this.nodeNames.keys()]);
    }
  },
);

When('a pod {string} using host port {int} is created', async function (this: KubeWorld, label: string, port: number) {
  await createPod(this, label, {}, { ports: [{ containerPort: port, hostPort: port }] });
});

When(
  'a replica set {string} with {int} replicas is created',
  async function (this: KubeWorld, label: string, replicas: number) {
    await createReplicaSet(this, label, replicas);
  },
);

When(
  'a pod {string} for the scheduler {string} is created, then a pod {string}',
  async function (this: KubeWorld, foreign: string, schedulerName: string, native: string) {
    await createPod(this, foreign, { schedulerName });
    await createPod(this, native);
  },
);

Then(
  'within {int} seconds pod {string} is bound to node {string}',
  async function (this: KubeWorld, seconds: number, label: string, node: string) {
    await waitUntilBound(this, label, seconds, [node]);
  },
);

Then(
  'within {int} seconds pod {string} is bound to one of {string}',
  async function (this: KubeWorld, seconds: number, label: string, nodes: string) {
    await waitUntilBound(this, label, seconds, nodes.split(', '));
  },
);

Then(
  'within {int} seconds every pod is bound to one of {string}',
  async function (this: KubeWorld, seconds: number, nodes: string) {
    for (const label of podLabels(this)) await waitUntilBound(this, label, seconds, nodes.split(', '));
  },
);

Then(
  'within {int} seconds every pod has a FailedScheduling event: {string}',
  async function (this: KubeWorld, seconds: number, message: string) {
    for (const label of podLabels(this)) await waitForFailedScheduling(this, label, seconds, message);
  },
);

Then(
  'within {int} seconds all pods {string} are bound to node {string}',
  async function (this: KubeWorld, seconds: number, label: string, node: string) {
    for (const podLabel of [...this.objects.keys()].filter((key) => key.startsWith(`${label} `)))
      await waitUntilBound(this, podLabel, seconds, [node]);
  },
);

Then(
  'within {int} seconds the {int} pods of {string} are on {int} different nodes',
  async function (this: KubeWorld, seconds: number, count: number, owner: string, distinct: number) {
    await eventually(
      async () => {
        const pods = await podsOwnedBy(this, owner);
        const nodes = pods.map((pod) => pod.spec?.nodeName);
        const pending = pods.find((pod) => !pod.spec?.nodeName);
        assert.equal(nodes.length, count, `the replica set has ${nodes.length} pods${await whyReplicaSetsFail(this)}`);
        assert.ok(pending === undefined, `not all bound yet: ${nodes.join(', ')}${pending ? whyPending(pending) : ''}`);
        assert.equal(new Set(nodes).size, distinct, `placements: ${nodes.join(', ')}`);
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

Then(
  'within {int} seconds pod {string} has the condition PodScheduled=False with reason {string}',
  async function (this: KubeWorld, seconds: number, label: string, reason: string) {
    await eventually(
      async () => {
        const conditions = ((await getPod(this, label)).status?.conditions ?? []) as Array<Record<string, unknown>>;
        const scheduled = conditions.find((condition) => condition.type === 'PodScheduled');
        assert.deepEqual(
          { status: scheduled?.status, reason: scheduled?.reason },
          { status: 'False', reason },
          `PodScheduled: ${JSON.stringify(scheduled)}`,
        );
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

Then(
  'within {int} seconds pod {string} has a FailedScheduling event: {string}',
  async function (this: KubeWorld, seconds: number, label: string, message: string) {
    await waitForFailedScheduling(this, label, seconds, message);
  },
);

Then(
  'pod {string} has a FailedScheduling event: {string}',
  async function (this: KubeWorld, label: string, message: string) {
    await waitForFailedScheduling(this, label, 5, message);
  },
);

Then('pod {string} has no node', async function (this: KubeWorld, label: string) {
  assert.equal((await getPod(this, label)).spec.nodeName, undefined);
});

Then(
  'pod {string} has no node and no event from the default scheduler',
  async function (this: KubeWorld, label: string) {
    assert.equal((await getPod(this, label)).spec.nodeName, undefined);
    const events = await eventsOf(this, label);
    assert.deepEqual(
      events.map((event) => event.reason),
      [],
    );
  },
);

Then(
  'pod {string} runs on node {string} without a Scheduled event',
  async function (this: KubeWorld, label: string, node: string) {
    assert.equal((await getPod(this, label)).spec.nodeName, nodeName(this, node));
    assert.deepEqual(
      (await eventsOf(this, label)).filter((event) => event.reason === 'Scheduled'),
      [],
    );
  },
);

/** The labels of every pod the scenario created, in the order it created them. */
function podLabels(world: KubeWorld): string[] {
  return [...world.objects].filter(([, remembered]) => remembered.kind.kind === 'Pod').map(([label]) => label);
}
