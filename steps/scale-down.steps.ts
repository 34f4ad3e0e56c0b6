// Steps about scaling down: which pods a ReplicaSet deletes first, observed one step at a time.
//
// The pods are named by their role in the scenario ("the 1st created", "the annotated one"), so a
// table can say which one must go at each step and why. Scaling one pod at a time makes every
// step a single choice of the ranking, rather than a set whose order nobody can see.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { KubeObject } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import { createReplicaSet, requesting, whyPending } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

const Ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th'];

/** The pods the set (or deployment) selects that are not being deleted. */
async function activePodsOf(world: KubeWorld, label: string): Promise<KubeObject[]> {
  const { name } = world.recall(label);
  const pods = await world.api.list({ resource: 'pods', namespace: world.namespace }, { labelSelector: `app=${name}` });
  return pods.items.filter(
    (pod) => !pod.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(String(pod.status?.phase)),
  );
}

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

function nameRole(world: KubeWorld, label: string, role: string, pods: KubeObject[]): void {
  world.notes.set(`pods of ${label} called ${role}`, JSON.stringify(pods.map((pod) => pod.metadata.name)));
}

function podsCalled(world: KubeWorld, label: string, role: string): string[] {
  const names = world.notes.get(`pods of ${label} called ${role}`);
  assert.ok(names, `no pod of "${label}" is called "${role}"`);
  return JSON.parse(names) as string[];
}

/** Waits until the clock is past `second` (since the epoch): what happens next is in a later second. */
async function untilSecondAfter(second: number): Promise<void> {
  await eventually(async () => assert.ok(Date.now() / 1000 >= second + 1, 'still the same second'), {
    timeoutMs: 2000,
    intervalMs: 50,
  });
}

/** Seconds since the epoch of the later of two RFC 3339 times, to the second as the API writes them. */
function latestSecond(...times: unknown[]): number {
  return Math.max(...times.map((time) => (typeof time === 'string' ? Date.parse(time) / 1000 : 0)));
}

Given(
  'a replica set {string} of pods requesting {word} CPU each ' +
    'grew one pod at a time, a second apart, to {int} pods, of which {int} run',
  async function (this: KubeWorld, label: string, cpu: string, total: number, running: number) {
    await createReplicaSet(this, label, 1, requesting(cpu));
    const known: string[] = [];
    for (let count = 1; count <= total; count++) {
      if (count > 1) await scale(this, 'replicaset', label, count);
      // The new pod exists, and runs and is ready if there is room for it.
      const pod = await eventually(
        async () => {
          const added = (await activePodsOf(this, label)).filter(
            (candidate) => !known.includes(candidate.metadata.name ?? ''),
          );
          assert.equal(
            added.length,
            1,
            `pods of "${label}" added at ${count}: ${added.length}${await whyReplicaSetsFail(this)}`,
          );
          const [candidate] = added as [KubeObject];
          if (count <= running)
            assert.ok(isReady(candidate), `${candidate.metadata.name} is not ready yet${whyPending(candidate)}`);
          else assert.ok(whyPending(candidate), `${candidate.metadata.name} was not found unschedulable yet`);
          return candidate;
        },
        { timeoutMs: 20_000, intervalMs: 200 },
      );
      known.push(pod.metadata.name ?? '');
      nameRole(this, label, `the ${Ordinals[count - 1]} created`, [pod]);
      // Creation and ready times have a resolution of one second: the next pod must come later.
      const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
      const readyAt = conditions.find((condition) => condition.type === 'Ready')?.lastTransitionTime;
      await untilSecondAfter(latestSecond(pod.metadata.creationTimestamp, readyAt));
    }
  },
);

/** The pod a scenario calls "the 2nd created" (or any ordinal) of a set. */
async function createdPod(world: KubeWorld, ordinal: string, label: string): Promise<KubeObject> {
  const [name = ''] = podsCalled(world, label, `the ${ordinal} created`);
  return world.api.get({ resource: 'pods', namespace: world.namespace, name });
}

/**
 * Turns a pod ready or not ready, as a kubelet would on a probe's verdict, and waits for the
 * next second: the condition's time has a resolution of one second, and a later report must
 * carry a later time for the ranking to tell them apart.
 */
async function reportReadiness(world: KubeWorld, pod: KubeObject, ready: boolean, also: object[] = []) {
  const at = now();
  await reportStatus(world, pod, [...readiness(pod, ready, at), ...also]);
  await untilSecondAfter(latestSecond(at));
}

/** Writes pod status as its kubelet would, with kubectl: a simulated node runs no probes. */
async function reportStatus(world: KubeWorld, pod: KubeObject, patch: object[]): Promise<void> {
  const result = await world.kubectl([
    'patch',
    'pod',
    pod.metadata.name ?? '',
    '-n',
    world.namespace,
    '--subresource=status',
    '--type=json',
    `--patch=${JSON.stringify(patch)}`,
  ]);
  assert.equal(result.exitCode, 0, result.stderr);
}

/** Now, to the second, as the API writes times. */
function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** JSON patch turning the Ready and ContainersReady conditions, as a readiness probe's verdict would. */
function readiness(pod: KubeObject, ready: boolean, at: string): object[] {
  const conditions = (pod.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return conditions.flatMap((condition, index) =>
    condition.type === 'Ready' || condition.type === 'ContainersReady'
      ? [
          { op: 'replace', path: `/status/conditions/${index}/status`, value: ready ? 'True' : 'False' },
          { op: 'replace', path: `/status/conditions/${index}/lastTransitionTime`, value: at },
        ]
      : [],
  );
}

Given(
  'the {word} created pod of {string} was reported not ready',
  async function (this: KubeWorld, ordinal: string, label: string) {
    await reportReadiness(this, await createdPod(this, ordinal, label), false);
  },
);

Given(
  'the {word} created pod of {string} was reported not ready after its container restarted once',
  async function (this: KubeWorld, ordinal: string, label: string) {
    const restarted = { op: 'replace', path: '/status/containerStatuses/0/restartCount', value: 1 };
    await reportReadiness(this, await createdPod(this, ordinal, label), false, [restarted]);
  },
);

Given(
  'the {word} created pod of {string} was reported not ready, then ready again',
  async function (this: KubeWorld, ordinal: string, label: string) {
    // Later than any pod of the set became ready: the growth step waited a second after each.
    await readyAgain(this, await createdPod(this, ordinal, label));
  },
);

async function readyAgain(world: KubeWorld, pod: KubeObject): Promise<void> {
  await reportReadiness(world, pod, false);
  await reportReadiness(world, pod, true);
  const again = await world.api.get({ resource: 'pods', namespace: world.namespace, name: pod.metadata.name });
  assert.ok(isReady(again), `${pod.metadata.name} is not ready again`);
}

Given(
  'the {word} created pod of {string} was annotated with kubectl {word}',
  async function (this: KubeWorld, ordinal: string, label: string, annotation: string) {
    const pod = await createdPod(this, ordinal, label);
    const result = await this.kubectl(['annotate', 'pod', pod.metadata.name ?? '', '-n', this.namespace, annotation]);
    assert.equal(result.exitCode, 0, result.stderr);
  },
);

Given(
  'two pods of {string} share a node, and the other two are alone on theirs',
  async function (this: KubeWorld, label: string) {
    const pods = await activePodsOf(this, label);
    const onNode = (pod: KubeObject) => pods.filter((other) => other.spec?.nodeName === pod.spec?.nodeName).length;
    assert.deepEqual(
      pods.map(onNode).sort(),
      [1, 1, 2, 2],
      `pods per node: ${pods.map((pod) => `${pod.metadata.name} on ${pod.spec?.nodeName}`).join(', ')}`,
    );
    nameRole(
      this,
      label,
      'one of the two on a node',
      pods.filter((pod) => onNode(pod) === 2),
    );
    nameRole(
      this,
      label,
      'one of the two alone',
      pods.filter((pod) => onNode(pod) === 1),
    );
  },
);

Given(
  'the other pod of {string} alone on its node was reported not ready, then ready again',
  async function (this: KubeWorld, label: string) {
    const [annotated] = podsCalled(this, label, 'the annotated one');
    const [other] = podsCalled(this, label, 'one of the two alone').filter((name) => name !== annotated);
    assert.ok(other, `no pod of "${label}" is alone on its node but the annotated one`);
    nameRole(this, label, 'the other one alone', [{ metadata: { name: other } }]);
    await readyAgain(this, await this.api.get({ resource: 'pods', namespace: this.namespace, name: other }));
  },
);

Given(
  'one of the pods of {string} alone on its node was annotated with kubectl {word}',
  async function (this: KubeWorld, label: string, annotation: string) {
    const [name = ''] = podsCalled(this, label, 'one of the two alone');
    const result = await this.kubectl(['annotate', 'pod', name, '-n', this.namespace, annotation]);
    assert.equal(result.exitCode, 0, result.stderr);
    nameRole(this, label, 'the annotated one', [{ metadata: { name } }]);
  },
);

async function scale(world: KubeWorld, resource: string, label: string, replicas: number): Promise<void> {
  const name = world.recall(label).name;
  const result = await world.kubectl(['scale', resource, name, '-n', world.namespace, `--replicas=${replicas}`]);
  assert.equal(result.exitCode, 0, result.stderr);
}

/** Scales down by one until `replicas`, recording at each step which pods went and which came. */
async function scaleDownStepByStep(world: KubeWorld, resource: string, label: string, replicas: number) {
  const steps: Array<{ deleted: string[]; created: string[] }> = [];
  let before = (await activePodsOf(world, label)).map((pod) => pod.metadata.name ?? '');
  for (let count = before.length - 1; count >= replicas; count--) {
    await scale(world, resource, label, count);
    const after = await eventually(
      async () => {
        const names = (await activePodsOf(world, label)).map((pod) => pod.metadata.name ?? '');
        assert.equal(names.length, count, `pods of "${label}": ${names.join(', ')}${await whyReplicaSetsFail(world)}`);
        return names;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    steps.push({
      deleted: before.filter((name) => !after.includes(name)),
      created: after.filter((name) => !before.includes(name)),
    });
    before = after;
  }
  world.notes.set('scale-down steps', JSON.stringify(steps));
}

When(
  'replica set {string} is scaled down one pod at a time to {int} with kubectl',
  async function (this: KubeWorld, label: string, replicas: number) {
    await scaleDownStepByStep(this, 'replicaset', label, replicas);
  },
);

When(
  'deployment {string} is scaled down one pod at a time to {int} with kubectl',
  async function (this: KubeWorld, label: string, replicas: number) {
    await scaleDownStepByStep(this, 'deployment', label, replicas);
  },
);

Then(
  'the pods of {string} were deleted in this order, one at each step:',
  async function (this: KubeWorld, label: string, table: DataTable) {
    const steps = JSON.parse(this.notes.get('scale-down steps') ?? '[]') as Array<{
      deleted: string[];
      created: string[];
    }>;
    const roles = table.hashes().map((row: Record<string, string>) => row.pod ?? '');
    const describe = (names: string[]) =>
      names.map((name) => roles.find((role) => podsCalled(this, label, role).includes(name)) ?? name);
    assert.deepEqual(
      steps.map((step) => ({ deleted: describe(step.deleted), created: step.created })),
      roles.map((role) => ({ deleted: [role], created: [] })),
    );
  },
);
