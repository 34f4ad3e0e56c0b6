// Steps about scheduling: pending pods, and where (and why) the scheduler placed them.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { eventually } from './support/eventually.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import {
  createPod,
  createReplicaSet,
  eventsOf,
  explanationOf,
  getPod,
  nodeName,
  parseLabel,
  parseTaint,
  placeOneAtATime,
  podsOwnedBy,
  requesting,
  saveExplanation,
  waitForFailedScheduling,
  waitUntilBound,
  whyPending,
} from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

When('a pod {string} requesting {word} CPU is created', async function (this: KubeWorld, label: string, cpu: string) {
  await createPod(this, label, {}, requesting(cpu));
});

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
  'a low-priority pod {string} and a high-priority pod {string}, each requesting {word} CPU, were created and are Pending',
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
  '{int} pods {string} requesting nothing are created',
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
    const preferred = [{ weight, preference: { matchExpressions: [parseExpression(expression)] } }];
    await createPod(this, label, {
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } },
    });
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
  'within {int} seconds all pods {string} are bound to node {string}',
  async function (this: KubeWorld, seconds: number, label: string, node: string) {
    for (const podLabel of [...this.objects.keys()].filter((key) => key.startsWith(`${label} `)))
      await waitUntilBound(this, podLabel, seconds, [node]);
  },
);

Then(
  'within {int} seconds every {string} node has at least one pod {string}',
  async function (this: KubeWorld, seconds: number, nodeLabel: string, podLabel: string) {
    const nodes = [...this.nodeNames.entries()]
      .filter(([label]) => label.startsWith(`${nodeLabel} `))
      .map(([, name]) => name);
    await eventually(
      async () => {
        const pods = (await this.api.list({ resource: 'pods', namespace: this.namespace })).items.filter((pod) =>
          pod.metadata.name?.startsWith(`${podLabel}-`),
        );
        const used = new Set(pods.map((pod) => pod.spec?.nodeName));
        const pending = pods.find((pod) => !pod.spec?.nodeName);
        assert.deepEqual(
          nodes.filter((node) => !used.has(node)),
          [],
          `nodes without a pod; placements: ${pods.map((pod) => pod.spec?.nodeName).join(', ')}${pending ? whyPending(pending) : ''}`,
        );
      },
      { timeoutMs: seconds * 1000 },
    );
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

Then(
  "the scheduler's explanation for pod {string} gives {string} a higher {word} score than {string}",
  async function (this: KubeWorld, label: string, winner: string, plugin: string, loser: string) {
    const explanation = await explanationOf(this, label);
    const scoreOf = (node: string) => {
      const entry = explanation.nodes.find((candidate) => candidate.node === nodeName(this, node));
      const score = entry?.scores?.[plugin];
      assert.ok(score && typeof score === 'object', `no ${plugin} score for ${node} in ${JSON.stringify(explanation)}`);
      return score.weighted;
    };
    assert.ok(scoreOf(winner) > scoreOf(loser), JSON.stringify(explanation));
  },
);

Then(
  "the scheduler's explanation for pod {string} is saved as {string}",
  async function (this: KubeWorld, label: string, name: string) {
    await saveExplanation(this, label, name);
  },
);

When(
  '{int} pods {string} are scheduled one at a time, each deleted before the next',
  async function (this: KubeWorld, count: number, label: string) {
    await placeOneAtATime(this, label, count, [...this.nodeNames.keys()]);
  },
);

Then(
  'within {int} seconds the Scheduled events name every {string} node',
  async function (this: KubeWorld, seconds: number, nodeLabel: string) {
    const nodes = [...this.nodeNames.entries()]
      .filter(([label]) => label.startsWith(`${nodeLabel} `))
      .map(([, name]) => name);
    await eventually(
      async () => {
        const events = (await this.api.list({ resource: 'events', namespace: this.namespace })).items.filter(
          (event) => event.reason === 'Scheduled',
        );
        const named = new Set(events.map((event) => /to (\S+)$/.exec(String(event.message))?.[1]));
        assert.deepEqual(
          nodes.filter((node) => !named.has(node)),
          [],
          `nodes no Scheduled event names; the events: ${events.map((event) => event.message).join('; ')}`,
        );
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

/** `disk In (hdd, ssd)` → a node selector requirement. */
function parseExpression(text: string): { key: string; operator: string; values?: string[] } {
  const match = /^(\S+) (In|NotIn|Exists|DoesNotExist|Gt|Lt)(?: \(([^)]*)\))?$/.exec(text);
  assert.ok(match, `not a node selector requirement: ${text}`);
  const values = match[3]?.split(',').map((value) => value.trim());
  return values
    ? { key: match[1] ?? '', operator: match[2] ?? '', values }
    : { key: match[1] ?? '', operator: match[2] ?? '' };
}
