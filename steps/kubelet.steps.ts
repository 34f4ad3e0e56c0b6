// Steps of the kubelet's features: real nodes, the pods they run, and what a person sees of
// them from kubectl, the API, the audit log, and commands run inside a node (ip, ps, curl).

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { isNotFound } from '../impl/client/api-errors.js';
import { clientName } from '../impl/client/audit-event.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { eventually, SettledFailure } from './support/eventually.js';
import {
  backOffs,
  containerLogFile,
  createPodWithKubectl,
  getPod,
  mainContainer,
  podEvents,
  podHistory,
  podName,
  waitingHistory,
} from './support/pods.js';
import { podsOwnedBy } from './support/scheduling.js';
import {
  conditionOf,
  inNode,
  inRange,
  namespacesByAddress,
  nodeAddress,
  onlyRealNodes,
  removeRealNode,
  realNodeName,
} from './support/real-nodes.js';
import { eventuallyExplained } from './support/warnings.js';
import type { KubeWorld } from './support/world.js';

Given("the cluster's only nodes are real nodes {string}", async function (this: KubeWorld, label: string) {
  await onlyRealNodes(this, [label]);
});

Given(
  "the cluster's only nodes are real nodes {string} and {string}",
  async function (this: KubeWorld, first: string, second: string) {
    await onlyRealNodes(this, [first, second]);
  },
);

Then("the audit log shows node {string}'s kubelet created its Node", async function (this: KubeWorld, label: string) {
  const name = realNodeName(this, label);
  const address = await nodeAddress(this, name);
  const creates = (await readAuditLog(this.auditLogPath)).filter(
    (event) => event.verb === 'create' && event.objectRef?.resource === 'nodes' && event.objectRef.name === name,
  );
  assert.equal(creates.length, 1, `expected one create of node ${name}, the audit log has ${creates.length}`);
  const [create] = creates;
  assert.equal(clientName(create?.userAgent), 'kubelet', `node ${name} was created by ${create?.userAgent}`);
  assert.deepEqual(
    create?.sourceIPs,
    [address],
    `node ${name} was created from ${create?.sourceIPs}, not from the node`,
  );
  assert.equal(create?.responseStatus?.code, 201);
});

Then(
  'node {string} is labelled with its hostname, {string} and its architecture',
  async function (this: KubeWorld, label: string, os: string) {
    const name = realNodeName(this, label);
    const node = await this.api.get({ resource: 'nodes', name });
    const hostname = (await inNode(this, name, ['cat', '/proc/sys/kernel/hostname'])).trim();
    const nodeArch = (await inNode(this, name, ['node', '-p', 'process.arch'])).trim();
    const labels = node.metadata.labels ?? {};
    assert.equal(labels['kubernetes.io/hostname'], hostname);
    assert.equal(labels['kubernetes.io/os'], os);
    assert.equal(labels['kubernetes.io/arch'], nodeArch === 'x64' ? 'amd64' : nodeArch);
  },
);

Then(
  'node {string} reports the CPUs its container sees, and the address of its container',
  async function (this: KubeWorld, label: string) {
    const name = realNodeName(this, label);
    const node = await this.api.get({ resource: 'nodes', name });
    const cpus = (await inNode(this, name, ['node', '-p', "require('os').cpus().length"])).trim();
    const capacity = (node.status?.capacity ?? {}) as Record<string, string>;
    assert.equal(capacity.cpu, cpus);
    assert.equal(capacity.pods, '110');
    const addresses = (node.status?.addresses ?? []) as Array<{ type: string; address: string }>;
    const internal = addresses.find((address) => address.type === 'InternalIP')?.address;
    assert.equal(internal, await nodeAddress(this, name));
  },
);

Then(
  "within {int} seconds node {string}'s Lease in {string} is renewed twice, held by {string}",
  async function (this: KubeWorld, seconds: number, label: string, namespace: string, holderLabel: string) {
    const name = realNodeName(this, label);
    const node = await this.api.get({ resource: 'nodes', name });
    const renewals = new Set<string>();
    await eventually(
      async () => {
        const lease = await this.api.get({ group: 'coordination.k8s.io', resource: 'leases', namespace, name });
        assert.equal(lease.spec?.holderIdentity, realNodeName(this, holderLabel));
        const owner = lease.metadata.ownerReferences?.[0];
        assert.deepEqual([owner?.kind, owner?.name, owner?.uid], ['Node', name, node.metadata.uid]);
        renewals.add(String(lease.spec?.renewTime));
        // The first renewTime seen, then two later ones.
        assert.ok(renewals.size >= 3, `renewTimes seen so far: ${[...renewals].join(', ')}`);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

When(
  'a pod {string} running {string}, told its namespace and IP by the downward API, is created with kubectl',
  async function (this: KubeWorld, label: string, image: string) {
    await createPodWithKubectl(this, label, { image, downwardApi: true });
  },
);

When(
  'a pod {string} running {string} is created with kubectl',
  async function (this: KubeWorld, label: string, image: string) {
    await createPodWithKubectl(this, label, { image });
  },
);

When(
  'a pod {string} running {string} with args {string} is created with kubectl',
  async function (this: KubeWorld, label: string, image: string, args: string) {
    await createPodWithKubectl(this, label, { image, args: args.split(' ') });
  },
);

Then(
  "within {int} seconds pod {string} is Running on the node it was bound to, with an IP from that node's podCIDR",
  async function (this: KubeWorld, seconds: number, label: string) {
    const name = podName(this, label);
    const pod = await eventuallyExplained(
      this,
      async () => {
        const current = await getPod(this, label);
        assert.equal(current.status?.phase, 'Running', `pod ${name} is ${current.status?.phase}`);
        return current;
      },
      { timeoutMs: seconds * 1000 },
    );
    const nodeName = String(pod.spec?.nodeName);
    // The scheduler's Binding set spec.nodeName, and its event says so.
    const [scheduled] = await podEvents(this, label, 'Scheduled');
    assert.equal(scheduled?.message, `Successfully assigned ${this.namespace}/${name} to ${nodeName}`);
    const node = await this.api.get({ resource: 'nodes', name: nodeName });
    const podIp = String(pod.status?.podIP);
    assert.ok(inRange(podIp, String(node.spec?.podCIDR)), `pod IP ${podIp} is not in ${node.spec?.podCIDR}`);
    assert.equal(pod.status?.hostIP, await nodeAddress(this, nodeName));
    this.notes.set(`node of ${label}`, nodeName);
  },
);

Then(
  "inside that node, a network namespace holds pod {string}'s IP on its eth0",
  async function (this: KubeWorld, label: string) {
    const pod = await getPod(this, label);
    const nodeName = String(pod.spec?.nodeName);
    const namespaces = await namespacesByAddress(this, nodeName);
    const netns = namespaces.get(String(pod.status?.podIP));
    assert.ok(
      netns,
      `no network namespace of node ${nodeName} has ${pod.status?.podIP}: ${[...namespaces].join(', ')}`,
    );
    // The node itself does not have the pod's address: only the pod's namespace does.
    assert.notEqual(await nodeAddress(this, nodeName), pod.status?.podIP);
  },
);

Then(
  "from a pod on the other node, curl to pod {string}'s IP and port {int} answers with its name, namespace and IP",
  async function (this: KubeWorld, label: string, port: number) {
    const target = await getPod(this, label);
    const otherNode = [...this.nodeNames.values()].find((node) => node !== target.spec?.nodeName);
    assert.ok(otherNode, 'the scenario has no second node');
    const clientName = this.uniqueName('client');
    await this.api.create(
      { resource: 'pods', namespace: this.namespace },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: clientName },
        spec: { nodeName: otherNode, containers: [{ name: 'main', image: 'kubelab/sleeper' }] },
      },
    );
    const client = await eventually(
      async () => {
        const pod = await this.api.get({ resource: 'pods', namespace: this.namespace, name: clientName });
        assert.equal(pod.status?.phase, 'Running', `client pod is ${pod.status?.phase}`);
        return pod;
      },
      { timeoutMs: 20_000 },
    );
    const netns = (await namespacesByAddress(this, otherNode)).get(String(client.status?.podIP));
    assert.ok(netns, `no network namespace on ${otherNode} has the client pod's IP`);
    const ip = String(target.status?.podIP);
    // Until its server listens (Running means its process started), the connection is refused.
    const curl = ['ip', 'netns', 'exec', netns, 'curl', '-s', '-m', '5', `http://${ip}:${port}/`];
    const answer = await eventually(() => inNode(this, otherNode, curl), { timeoutMs: 10_000 });
    assert.equal(answer.trim(), `pod=${target.metadata.name} namespace=${this.namespace} ip=${ip}`);
  },
);

Then(
  "within {int} seconds pod {string}'s container has waited with reason {string}, then {string}",
  async function (this: KubeWorld, seconds: number, label: string, first: string, second: string) {
    await eventually(
      () => {
        const reasons = waitingHistory(podHistory(this, label)).map((entry) => entry.reason);
        const firstAt = reasons.indexOf(first);
        assert.ok(
          firstAt >= 0 && reasons.indexOf(second, firstAt + 1) > firstAt,
          `waiting reasons so far: ${reasons.join(', ')}`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then(
  'pod {string} is {string} and has a {string} event {string}',
  async function (this: KubeWorld, label: string, phase: string, reason: string, message: string) {
    assert.equal((await getPod(this, label)).status?.phase, phase);
    const found = await podEvents(this, label, reason);
    assert.ok(
      found.some((event) => String(event.message).startsWith(message)),
      `events ${reason} of ${podName(this, label)}: ${found.map((event) => event.message).join(' | ') || 'none'}`,
    );
  },
);

Then(
  "within {int} seconds pod {string}'s container {string} has waited in {string} for {string}",
  async function (this: KubeWorld, seconds: number, label: string, container: string, reason: string, list: string) {
    const expected = list.split(', ');
    await eventually(
      () => {
        const delays = backOffs(podHistory(this, label), reason, container);
        const message = `back-offs of ${container} so far: ${delays.join(', ') || 'none'}; wanted ${list}`;
        // The history only grows: a back-off that differs from the one wanted stays wrong.
        if (delays.some((delay, index) => index < expected.length && delay !== expected[index]))
          throw new SettledFailure(message);
        assert.deepEqual(delays.slice(0, expected.length), expected, message);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then(
  "pod {string}'s restartCount has grown to at least {int}, and its last state is terminated with exit code {int}",
  async function (this: KubeWorld, label: string, restarts: number, exitCode: number) {
    const container = mainContainer(await getPod(this, label));
    assert.ok((container?.restartCount ?? 0) >= restarts, `restartCount is ${container?.restartCount}`);
    assert.equal(container?.lastState.terminated?.exitCode, exitCode);
    assert.equal(container?.lastState.terminated?.reason, 'Error');
  },
);

Given(
  'a pod {string} running {string} with args {string} and a grace period of {int} seconds ' +
    'is Running, and its program has said it started',
  async function (this: KubeWorld, label: string, image: string, args: string, grace: number) {
    await createPodWithKubectl(this, label, { image, args: args.split(' '), gracePeriodSeconds: grace });
    const pod = await eventuallyExplained(
      this,
      async () => {
        const pod = await getPod(this, label);
        assert.equal(pod.status?.phase, 'Running');
        return pod;
      },
      { timeoutMs: 20_000 },
    );
    // Running means its process was started, not that the program is ready: a SIGTERM before
    // the sleeper set its handler would end it at once. Its first log line comes after.
    await eventually(
      async () => assert.notEqual((await inNode(this, nodeOf(pod), ['cat', containerLogFile(pod, 0)])).trim(), ''),
      { timeoutMs: 10_000 },
    );
  },
);

When('pod {string} is deleted with kubectl', async function (this: KubeWorld, label: string) {
  const pod = await getPod(this, label);
  this.notes.set(`log of ${label}`, containerLogFile(pod, 0));
  this.notes.set(`node of ${label}`, nodeOf(pod));
  this.notes.set(`deleted ${label} at`, String(Date.now()));
  const result = await this.kubectl(['delete', 'pod', podName(this, label), '-n', this.namespace, '--wait=false']);
  assert.equal(result.exitCode, 0, result.stderr);
});

Then("pod {string}'s container log on its node says it got SIGTERM", async function (this: KubeWorld, label: string) {
  const node = String(this.notes.get(`node of ${label}`));
  const log = String(this.notes.get(`log of ${label}`));
  await eventually(async () => assert.match(await inNode(this, node, ['cat', log]), /SIGTERM/), { timeoutMs: 10_000 });
});

Then(
  "pod {string}'s process is gone from its node before the pod is gone from the API, " +
    '{int} seconds or more after the delete',
  async function (this: KubeWorld, label: string, grace: number) {
    const node = String(this.notes.get(`node of ${label}`));
    const deletedAt = Number(this.notes.get(`deleted ${label} at`));
    let processGoneAt: number | undefined;
    const objectGoneAt = await eventually(
      async () => {
        const processes = await inNode(this, node, ['ps', '-eo', 'args']);
        if (processGoneAt === undefined && !processes.includes('sleeper.js')) processGoneAt = Date.now();
        const gone = await getPod(this, label).then(
          () => false,
          (error: unknown) => {
            if (isNotFound(error)) return true;
            throw error;
          },
        );
        assert.ok(gone, `pod ${podName(this, label)} is still in the API`);
        return Date.now();
      },
      { timeoutMs: (grace + 15) * 1000, intervalMs: 200 },
    );
    assert.ok(
      processGoneAt !== undefined && processGoneAt <= objectGoneAt,
      'the pod left the API while its process ran',
    );
    assert.ok(
      objectGoneAt - deletedAt >= grace * 1000,
      `the pod was gone ${objectGoneAt - deletedAt} ms after the delete, before its grace period ended`,
    );
  },
);

When(
  'the container of the node of one of the pods of {string} is stopped',
  async function (this: KubeWorld, label: string) {
    const [pod] = await podsOwnedBy(this, label);
    assert.ok(pod?.spec?.nodeName, `replica set "${label}" has no pod on a node`);
    this.notes.set('lost node', String(pod.spec.nodeName));
    this.notes.set('pod on the lost node', pod.metadata.name ?? '');
    // As `docker stop`: the kubelet and every process of its pods end with the machine.
    await removeRealNode(this, String(pod.spec.nodeName));
  },
);

Then(
  "within {int} seconds that node's Ready condition is {string}, with reason {string}",
  async function (this: KubeWorld, seconds: number, status: string, reason: string) {
    const name = String(this.notes.get('lost node'));
    await eventually(
      async () => {
        const ready = conditionOf(await this.api.get({ resource: 'nodes', name }), 'Ready');
        assert.deepEqual([ready?.status, ready?.reason], [status, reason]);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Given(
  'a pod {string} running {string} with a {word} probe on {string} every second is Ready',
  async function (this: KubeWorld, label: string, image: string, kind: string, path: string) {
    const probe = { kind: kind as 'liveness' | 'readiness' | 'startup', path };
    await createPodWithKubectl(this, label, { image, probe });
    await eventuallyExplained(
      this,
      async () => assert.equal(conditionOf(await getPod(this, label), 'Ready')?.status, 'True'),
      { timeoutMs: 20_000 },
    );
  },
);

When(
  "pod {string}'s server is told to fail its readiness, from its node",
  async function (this: KubeWorld, label: string) {
    const pod = await getPod(this, label);
    const url = `http://${pod.status?.podIP}:8080/fail-readiness`;
    await inNode(this, String(pod.spec?.nodeName), ['curl', '-s', '-m', '5', url]);
  },
);

Then(
  'within {int} seconds pod {string} is not Ready, with reason {string} and message {string}',
  async function (this: KubeWorld, seconds: number, label: string, reason: string, message: string) {
    await eventually(
      async () => {
        const ready = conditionOf(await getPod(this, label), 'Ready');
        assert.deepEqual([ready?.status, ready?.reason, ready?.message], ['False', reason, message]);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

Then("pod {string}'s restartCount is still {int}", async function (this: KubeWorld, label: string, count: number) {
  const history = podHistory(this, label).map((pod) => mainContainer(pod)?.restartCount ?? 0);
  assert.deepEqual([...new Set(history)], [count], `restartCounts seen: ${history.join(', ')}`);
});

Then(
  "within {int} seconds pod {string}'s restartCount is {int}, and it is Ready again",
  async function (this: KubeWorld, seconds: number, label: string, count: number) {
    await eventually(
      async () => {
        const pod = await getPod(this, label);
        assert.equal(mainContainer(pod)?.restartCount, count);
        assert.equal(conditionOf(pod, 'Ready')?.status, 'True');
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

function nodeOf(pod: KubeObject): string {
  return String(pod.spec?.nodeName);
}
