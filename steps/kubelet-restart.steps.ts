// Steps of a kubelet restarted in place: what runs on its node before and after, seen from
// inside the node (`pgrep`, `ip netns pids`, the node's log) and through the API.
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import type { KubeObject } from '../impl/client/types.js';
import { getPod, mainContainer, podHistory, podName } from './support/pods.js';
import { conditionOf, inNode, namespacesByAddress, nodeAddress, realNodeName } from './support/real-nodes.js';
import { eventually } from './support/eventually.js';
import type { KubeWorld } from './support/world.js';

/** The kubelet's pid on `node`: its process is called kubelet, as on any node. */
async function kubeletPid(world: KubeWorld, node: string): Promise<string> {
  const { exitCode, output } = await world.nodes.exec(node, ['pgrep', '-x', 'kubelet']);
  assert.equal(exitCode, 0, `no process called kubelet runs on node ${node}`);
  return output.trim();
}

/** The pids in the network namespace of the pod, found by its IP. */
async function podProcesses(world: KubeWorld, label: string): Promise<string[]> {
  const pod = await getPod(world, label);
  const node = String(pod.spec?.nodeName);
  const netns = (await namespacesByAddress(world, node)).get(String(pod.status?.podIP));
  assert.ok(netns, `no network namespace of node ${node} holds pod ${label}'s IP ${pod.status?.podIP}`);
  const pids = (await inNode(world, node, ['ip', 'netns', 'pids', netns])).split(/\s+/).filter(Boolean);
  assert.ok(pids.length > 0, `no process runs in pod ${label}'s network namespace ${netns}`);
  return pids.sort();
}

/** The pod as it was when its node's kubelet was killed. */
function podBefore(world: KubeWorld, label: string): KubeObject {
  const before = world.notes.get(`${label} before`);
  if (before === undefined) throw new Error(`pod ${label} was not on the node whose kubelet was killed`);
  return JSON.parse(before) as KubeObject;
}

/** What each of the scenario's pods on `node` is now, and its processes: later steps compare. */
async function rememberPodsOn(world: KubeWorld, node: string): Promise<void> {
  for (const podLabel of podLabels(world)) {
    const pod = await getPod(world, podLabel);
    if (pod.spec?.nodeName !== node) continue;
    world.notes.set(`processes of ${podLabel}`, (await podProcesses(world, podLabel)).join(' '));
    world.notes.set(`${podLabel} before`, JSON.stringify(pod));
  }
}

/** The labels of the pods the scenario made ("web"), as its notes keep them (`pod <label>`). */
function podLabels(world: KubeWorld): string[] {
  return [...world.notes.keys()].flatMap((key) => /^pod ([^ ]+)$/.exec(key)?.[1] ?? []);
}

When(
  'the kubelet of node {string} is killed with SIGKILL, as a crash would',
  async function (this: KubeWorld, label: string) {
    const node = realNodeName(this, label);
    this.notes.set('kubelet before', await kubeletPid(this, node));
    await rememberPodsOn(this, node);
    this.notes.set('killed at', String(Date.now()));
    await inNode(this, node, ['pkill', '-KILL', '-x', 'kubelet']);
  },
);

Then(
  'within {int} seconds another kubelet runs on node {string}, and its log says it adopted {int} pod',
  async function (this: KubeWorld, seconds: number, label: string, count: number) {
    const node = realNodeName(this, label);
    const before = this.notes.get('kubelet before');
    const killedAt = Number(this.notes.get('killed at'));
    await eventually(
      async () => {
        const pid = await kubeletPid(this, node);
        assert.notEqual(pid, before, `the kubelet is still process ${before}`);
        const adopted = (await this.nodes.logs(node, 2000))
          .split('\n')
          .filter((line) => line.includes('"adopted the pods the runtime runs"'))
          .filter((line) => Date.parse(line.split(' ')[0] ?? '') >= killedAt - 1000);
        assert.equal(adopted.length, 1, 'no kubelet started since the kill has said what it adopted');
        assert.match(adopted[0] ?? '', new RegExp(` pods=${count}\\b`));
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  "pod {string}'s processes on its node are the ones that ran before the kubelet was killed",
  async function (this: KubeWorld, label: string) {
    assert.equal((await podProcesses(this, label)).join(' '), this.notes.get(`processes of ${label}`));
  },
);

Then(
  'pod {string} still has its IP and start time, its restartCount is still 0, and it never stopped being Ready',
  async function (this: KubeWorld, label: string) {
    const before = podBefore(this, label);
    const pod = await getPod(this, label);
    assert.equal(pod.status?.podIP, before.status?.podIP);
    assert.equal(pod.status?.startTime, before.status?.startTime);
    assert.deepEqual(mainContainer(pod)?.state, mainContainer(before)?.state, 'its container is not the one it was');
    const history = podHistory(this, label);
    const firstReady = history.findIndex((seen) => conditionOf(seen, 'Ready')?.status === 'True');
    assert.ok(firstReady >= 0, `pod ${label} was never Ready`);
    for (const seen of history.slice(firstReady)) {
      assert.equal(conditionOf(seen, 'Ready')?.status, 'True', `pod ${label} stopped being Ready`);
      assert.equal(mainContainer(seen)?.restartCount ?? 0, 0, `pod ${label}'s container restarted`);
    }
  },
);

When(
  'while no kubelet runs on node {string}, pod {string} is deleted at once with kubectl',
  async function (this: KubeWorld, label: string, podLabel: string) {
    const node = realNodeName(this, label);
    const name = podName(this, podLabel);
    const result = await this.kubectl(['delete', 'pod', name, '-n', this.namespace, '--force', '--grace-period=0']);
    assert.equal(result.exitCode, 0, `kubectl delete failed: ${result.stderr}`);
    // The init starts a kubelet again after a pause: the delete must have come before it.
    const { exitCode } = await this.nodes.exec(node, ['pgrep', '-x', 'kubelet']);
    assert.notEqual(exitCode, 0, 'a kubelet ran again before the pod was deleted; this scenario needs it down');
  },
);

Then(
  "within {int} seconds pod {string}'s processes and network namespace are gone from its node, " +
    "stopped by the kubelet's housekeeping",
  async function (this: KubeWorld, seconds: number, label: string) {
    const before = podBefore(this, label);
    const node = String(before.spec?.nodeName);
    const pids = String(this.notes.get(`processes of ${label}`)).split(' ');
    await eventually(
      async () => {
        const running = (await inNode(this, node, ['ps', '-e', '-o', 'pid=']))
          .split(/\s+/)
          .filter((pid) => pids.includes(pid));
        assert.deepEqual(running, [], `pod ${label}'s processes still run`);
        const namespaces = await namespacesByAddress(this, node);
        assert.equal(namespaces.get(String(before.status?.podIP)), undefined, `its network namespace is still there`);
        const logs = await this.nodes.logs(node, 2000);
        assert.ok(
          logs.includes(`"stopping a pod no source has" uid=${before.metadata.uid}`),
          "the kubelet's log does not say its housekeeping stopped the pod",
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

When(
  'the container of node {string} is restarted, as a machine reboots',
  async function (this: KubeWorld, label: string) {
    const node = realNodeName(this, label);
    await rememberPodsOn(this, node);
    const before = await this.api.get({ resource: 'nodes', name: node });
    this.notes.set(`podCIDR of ${label}`, String(before.spec?.podCIDR));
    // As `docker restart`: the kubelet, the runtime and every pod's process end with the machine.
    await this.nodes.restart(node);
  },
);

Then(
  "within {int} seconds pod {string} runs again on its node as new processes, its echo server answering on its pod's IP",
  async function (this: KubeWorld, seconds: number, label: string) {
    const before = podBefore(this, label);
    const node = String(before.spec?.nodeName);
    const oldPids = new Set(String(this.notes.get(`processes of ${label}`)).split(' '));
    await eventually(
      async () => {
        const pod = await getPod(this, label);
        assert.equal(pod.spec?.nodeName, node, 'the pod moved');
        assert.equal(pod.status?.phase, 'Running', `pod ${label} is ${pod.status?.phase}`);
        assert.equal(pod.status?.hostIP, await nodeAddress(this, node), "the host IP is not the node's address now");
        const pids = await podProcesses(this, label);
        assert.ok(
          pids.every((pid) => !oldPids.has(pid)),
          `processes ${pids.join(' ')} ran before the reboot`,
        );
        const answer = await inNode(this, node, ['curl', '-s', '-m', '2', `http://${pod.status?.podIP}:8080/`]);
        assert.ok(answer.startsWith(`pod=${podName(this, label)} `), `the pod's IP answers: ${answer}`);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  'pod {string} kept its start time, and node {string} is Ready with the podCIDR it had',
  async function (this: KubeWorld, label: string, nodeLabel: string) {
    const pod = await getPod(this, label);
    assert.equal(pod.status?.startTime, podBefore(this, label).status?.startTime, 'a new start time');
    const node = await this.api.get({ resource: 'nodes', name: realNodeName(this, nodeLabel) });
    assert.equal(conditionOf(node, 'Ready')?.status, 'True', 'the node is not Ready');
    assert.equal(node.spec?.podCIDR, this.notes.get(`podCIDR of ${nodeLabel}`), 'another podCIDR');
  },
);
