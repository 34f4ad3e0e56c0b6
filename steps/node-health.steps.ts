// Steps about node health: heartbeats that stop and resume, what the node then says, and the pods evicted from it.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { Pod, Toleration } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import {
  assertEvictedByTaintManager,
  assertGarbageCollected,
  conditionOf,
  defaultTolerationSeconds,
  getNode,
  kubectlNodeStatus,
  resumeHeartbeats,
  runPodOn,
  stopHeartbeats,
  taintsOf,
  watchPod,
} from './support/node-health.js';
import { whyReplicaSetsFail } from './support/replica-failures.js';
import { getPod, nodeName, parseTaint, podsOwnedBy, whyPending } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

When('the heartbeats of node {string} stop', async function (this: KubeWorld, label: string) {
  await stopHeartbeats(this, nodeName(this, label));
});

When('the heartbeats of node {string} resume', async function (this: KubeWorld, label: string) {
  await resumeHeartbeats(this, nodeName(this, label));
});

Given(
  'the heartbeats of node {string} stopped and it was tainted unreachable',
  async function (this: KubeWorld, label: string) {
    await stopHeartbeats(this, nodeName(this, label));
    await eventually(
      async () => assert.ok(taintsOf(await getNode(this, label)).includes('node.kubernetes.io/unreachable:NoExecute')),
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  },
);

When('the heartbeats of the node of one of the pods of {string} stop', async function (this: KubeWorld, label: string) {
  const [pod] = await podsOwnedBy(this, label);
  assert.ok(pod?.spec?.nodeName, `replica set "${label}" has no pod on a node`);
  this.notes.set('lost node', String(pod.spec.nodeName));
  this.notes.set('pod on the lost node', pod.metadata.name ?? '');
  await stopHeartbeats(this, String(pod.spec.nodeName));
});

When(
  'the node of one of the pods of {string} is deleted with kubectl',
  async function (this: KubeWorld, label: string) {
    const [pod] = await podsOwnedBy(this, label);
    assert.ok(pod?.spec?.nodeName, `replica set "${label}" has no pod on a node`);
    this.notes.set('lost node', String(pod.spec.nodeName));
    this.notes.set('pod on the lost node', pod.metadata.name ?? '');
    watchPod(this, pod);
    const result = await this.kubectl(['delete', 'node', String(pod.spec.nodeName)]);
    assert.equal(result.exitCode, 0, result.stderr);
  },
);

Then(
  'within {int} seconds kubectl get nodes shows node {string} as {word}',
  async function (this: KubeWorld, seconds: number, label: string, status: string) {
    await eventually(async () => assert.equal(await kubectlNodeStatus(this, label), status), {
      timeoutMs: seconds * 1000,
      intervalMs: 500,
    });
  },
);

Then(
  'node {string} has the condition {word} {string} with reason {string} and message {string}',
  async function (this: KubeWorld, label: string, type: string, status: string, reason: string, message: string) {
    const condition = conditionOf(await getNode(this, label), type);
    assert.deepEqual(
      { status: condition?.status, reason: condition?.reason, message: condition?.message },
      { status, reason, message },
    );
  },
);

Then(
  'within {int} seconds node {string} is tainted {string} and {string}',
  async function (this: KubeWorld, seconds: number, label: string, first: string, second: string) {
    // The taints are the node's spec, the conditions its status: the controller writes them
    // one after the other, so a reader can see the condition before the taints.
    await eventually(
      async () => {
        const taints = taintsOf(await getNode(this, label));
        assert.ok(
          taints.includes(first) && taints.includes(second),
          `node "${label}" has the taints ${JSON.stringify(taints)}`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then('node {string} has no {string} taint', async function (this: KubeWorld, label: string, key: string) {
  const taints = taintsOf(await getNode(this, label));
  assert.ok(
    !taints.some((taint) => taint.startsWith(`${key}:`)),
    `node "${label}" has the taints ${JSON.stringify(taints)}`,
  );
});

Then(
  'pod {string} tolerates {string} and {string} for the default toleration seconds',
  async function (this: KubeWorld, label: string, first: string, second: string) {
    const tolerations = (await getPod(this, label)).spec.tolerations ?? [];
    for (const taint of [parseTaint(first), parseTaint(second)]) {
      const expected: Toleration = {
        key: taint.key,
        operator: 'Exists',
        effect: taint.effect as Toleration['effect'],
        tolerationSeconds: defaultTolerationSeconds(),
      };
      assert.ok(
        tolerations.some((toleration) => JSON.stringify(toleration) === JSON.stringify(expected)),
        `pod "${label}" has the tolerations ${JSON.stringify(tolerations)}`,
      );
    }
  },
);

Given(
  'a pod {string} tolerating {string} for {int} seconds runs on node {string}',
  async function (this: KubeWorld, label: string, taintText: string, seconds: number, nodeLabel: string) {
    const taint = parseTaint(taintText);
    await runPodOn(this, label, nodeLabel, [
      { key: taint.key, operator: 'Exists', effect: taint.effect, tolerationSeconds: seconds },
    ]);
  },
);

Given(
  'a pod {string} with the default tolerations runs on node {string}',
  async function (this: KubeWorld, label: string, nodeLabel: string) {
    await runPodOn(this, label, nodeLabel);
  },
);

Then(
  'within {int} seconds replica set {string} has {int} ready pods, none of them on that node',
  async function (this: KubeWorld, seconds: number, label: string, count: number) {
    const lost = this.notes.get('lost node');
    await eventually(
      async () => {
        const pods = (await podsOwnedBy(this, label)).filter((pod) => !pod.metadata.deletionTimestamp) as Pod[];
        const ready = pods.filter((pod) => pod.status?.phase === 'Running');
        const pending = pods
          .filter((pod) => pod.status?.phase !== 'Running')
          .map((pod) => `${pod.metadata.name}${whyPending(pod)}`);
        assert.deepEqual(
          { ready: ready.length, onThatNode: ready.filter((pod) => pod.spec.nodeName === lost).length },
          { ready: count, onThatNode: 0 },
          `not ready: ${pending.join(', ') || 'none'}${await whyReplicaSetsFail(this)}`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then('the pod left on that node was evicted by the taint-eviction controller', async function (this: KubeWorld) {
  const name = this.notes.get('pod on the lost node') ?? '';
  const pod = (await this.api.get({ resource: 'pods', namespace: this.namespace, name })) as Pod;
  this.remember('pod on the lost node', {
    kind: { words: 'pod', kind: 'Pod', ref: { resource: 'pods' }, namespaced: true, manifest: () => pod },
    name,
    namespace: this.namespace,
  });
  await assertEvictedByTaintManager(this, pod, 'pod on the lost node');
});

Then(
  'the pod left on that node was marked Failed with reason {string} and message {string}, then deleted at once',
  async function (this: KubeWorld, reason: string, message: string) {
    const name = this.notes.get('pod on the lost node') ?? '';
    await eventually(
      async () => assertGarbageCollected(this, name, { type: 'DisruptionTarget', status: 'True', reason, message }),
      { timeoutMs: 10_000, intervalMs: 500 },
    );
  },
);

Then(
  'within {int} seconds pod {string} was evicted by the taint-eviction controller',
  async function (this: KubeWorld, seconds: number, label: string) {
    await eventually(async () => assertEvictedByTaintManager(this, await getPod(this, label), label), {
      timeoutMs: seconds * 1000,
      intervalMs: 500,
    });
  },
);

Then('pod {string} is not marked for deletion', async function (this: KubeWorld, label: string) {
  const pod = await getPod(this, label);
  assert.equal(pod.metadata.deletionTimestamp, undefined, `pod "${label}" is being deleted`);
});
