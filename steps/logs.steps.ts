// Steps of `kubectl logs` and `kubectl exec`: what kubectl prints, what the node holds, who asked whom.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { clientName } from '../impl/client/audit-event.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { containerLogFile, createPodWithKubectl, getPod, mainContainer, podName } from './support/pods.js';
import { inNode, realNodeName } from './support/real-nodes.js';
import { eventuallyExplained } from './support/warnings.js';
import type { KubeWorld } from './support/world.js';

/** The scenario's names in a text: `<namespace>`, and `<pod X>` for the pod labelled X. */
function withNames(world: KubeWorld, text: string): string {
  return text
    .replaceAll('<namespace>', world.namespace)
    .replace(/<pod ([^>]+)>/g, (_all, label: string) => podName(world, label));
}

async function untilContainer(world: KubeWorld, label: string, check: (pod: KubeObject) => void): Promise<KubeObject> {
  return eventuallyExplained(
    world,
    async () => {
      const pod = await getPod(world, label);
      check(pod);
      return pod;
    },
    { timeoutMs: 30_000 },
  );
}

const isRunning = (pod: KubeObject) => assert.ok(mainContainer(pod)?.state.running, 'its container is not running');

async function createdAndRunning(this: KubeWorld, label: string, image: string): Promise<void> {
  await createPodWithKubectl(this, label, { image });
  await untilContainer(this, label, isRunning);
}

Given('a pod {string} running {string} was created with kubectl and is Running', createdAndRunning);
Given('a pod {string} running {string} was created with kubectl and its container is running', createdAndRunning);

Given(
  'a pod {string} running {string} was created with kubectl, and its program has logged its first line',
  async function (this: KubeWorld, label: string, image: string) {
    await createPodWithKubectl(this, label, { image });
    const pod = await untilContainer(this, label, isRunning);
    // Running means its process was started; what it prints comes a moment later.
    const file = containerLogFile(pod, 0);
    await eventually(
      async () => assert.notEqual((await inNode(this, String(pod.spec?.nodeName), ['cat', file])).trim(), ''),
      { timeoutMs: 10_000 },
    );
  },
);

Given(
  'a pod {string} running {string} was created with kubectl and its container is waiting: {word}',
  async function (this: KubeWorld, label: string, image: string, reason: string) {
    await createPodWithKubectl(this, label, { image });
    await untilContainer(this, label, (pod) => assert.equal(mainContainer(pod)?.state.waiting?.reason, reason));
  },
);

Given(
  'a pod {string} with restartPolicy {string} running {string} with args {string} has logged {string}',
  async function (this: KubeWorld, label: string, restartPolicy: string, image: string, args: string, line: string) {
    await createPodWithKubectl(this, label, { image, args: args.split(' '), restartPolicy });
    const pod = await untilContainer(this, label, isRunning);
    const node = String(pod.spec?.nodeName);
    await eventually(
      async () => assert.ok((await inNode(this, node, ['cat', containerLogFile(pod, 0)])).includes(line)),
      {
        timeoutMs: 10_000,
      },
    );
  },
);

Given(
  'a pod {string} with restartPolicy {string} running {string} with args {string} has restarted once',
  async function (this: KubeWorld, label: string, restartPolicy: string, image: string, args: string) {
    await createPodWithKubectl(this, label, { image, args: args.split(' '), restartPolicy });
    await untilContainer(this, label, (pod) => {
      assert.ok((mainContainer(pod)?.restartCount ?? 0) >= 1, 'its container has not restarted yet');
      assert.ok(mainContainer(pod)?.lastState.terminated, 'its last state is not terminated');
    });
  },
);

When('the logs of pod {string} are read with kubectl', async function (this: KubeWorld, label: string) {
  await this.kubectl(['logs', podName(this, label), '-n', this.namespace]);
});

When(
  'the logs of pod {string} are read with kubectl, with {string}',
  async function (this: KubeWorld, label: string, flags: string) {
    const extra = flags.split(' ').filter((flag) => flag !== '');
    await this.kubectl(['logs', podName(this, label), '-n', this.namespace, ...extra]);
  },
);

/**
 * Runs a kubectl that returns only when its stream ends (the kubelet ends it when the
 * container exits), and waits for that end with a deadline.
 */
async function untilKubectlEnds(world: KubeWorld, args: string[]): Promise<void> {
  let hasEnded = false;
  const run = world.kubectl(args).finally(() => {
    hasEnded = true;
  });
  await eventually(() => assert.ok(hasEnded, `kubectl ${args[0]} is still streaming`), { timeoutMs: 30_000 });
  await run;
}

When('the logs of pod {string} are followed with kubectl logs -f', async function (this: KubeWorld, label: string) {
  await untilKubectlEnds(this, ['logs', '-f', podName(this, label), '-n', this.namespace]);
});

Then(
  "they are the lines of its container's log file on node {string}, without the runtime's time, stream and tag",
  async function (this: KubeWorld, label: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, 0, result?.stderr);
    const pod = await getPod(this, podLabelOf(this));
    const file = await inNode(this, realNodeName(this, label), ['cat', containerLogFile(pod, 0)]);
    // The CRI format: `<RFC 3339 time> <stdout|stderr> <F|P> <text>`.
    const lines = file.split('\n').filter((line) => line !== '');
    assert.ok(lines.length > 0, 'the log file is empty');
    for (const line of lines) assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (stdout|stderr) F /);
    const texts = lines.map((line) => line.split(' ').slice(3).join(' '));
    assert.deepEqual(
      result?.stdout.split('\n').filter((line) => line !== ''),
      texts,
    );
  },
);

Then(
  "node {string}'s kubelet log shows it was asked for {string}",
  async function (this: KubeWorld, label: string, path: string) {
    const expected = withNames(this, path);
    const logs = await this.nodes.logs(realNodeName(this, label), 500);
    const asked = logs.split('\n').filter((line) => /serving an? (container log|exec|attach)/.test(line));
    assert.ok(
      asked.some((line) => line.includes(`path=${expected}`)),
      `the kubelet was not asked for ${expected}; it logged:\n${asked.join('\n')}`,
    );
  },
);

Then(
  "the audit log shows kubectl's get of pods\\/log for pod {string}, answered {int}",
  async function (this: KubeWorld, label: string, code: number) {
    const name = podName(this, label);
    const gets = (await readAuditLog(this.auditLogPath)).filter(
      (event) =>
        event.verb === 'get' &&
        event.objectRef?.resource === 'pods' &&
        event.objectRef.subresource === 'log' &&
        event.objectRef.name === name,
    );
    assert.equal(gets.length, 1, `expected one get of pods/log for ${name}, the audit log has ${gets.length}`);
    assert.equal(clientName(gets[0]?.userAgent), 'kubectl');
    assert.equal(gets[0]?.responseStatus?.code, code);
  },
);

Then(
  'kubectl ends by itself once the container has exited, having printed {string} after {string}',
  async function (this: KubeWorld, last: string, first: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, 0, result?.stderr);
    const output = result?.stdout ?? '';
    assert.ok(output.includes(first), `kubectl printed:\n${output}`);
    assert.ok(output.indexOf(last) > output.indexOf(first), `kubectl printed:\n${output}`);
    // It ended because the container did: by then, the kubelet has seen the exit.
    const pod = await getPod(this, podLabelOf(this));
    const node = String(pod.spec?.nodeName);
    const processes = await inNode(this, node, ['ps', '-eo', 'args']);
    assert.ok(!processes.includes('crasher.js'), `the container still runs:\n${processes}`);
  },
);

Then('they end with {string}', function (this: KubeWorld, line: string) {
  const result = this.lastCommand;
  assert.equal(result?.exitCode, 0, result?.stderr);
  assert.equal(result?.stdout.trimEnd().split('\n').pop(), line, `kubectl printed:\n${result?.stdout}`);
});

Then(
  "they are the lines of its first run's log file, {string} on its node: the second run still runs",
  async function (this: KubeWorld, file: string) {
    const pod = await getPod(this, podLabelOf(this));
    // Still the second run: the one before it, which --previous reads, is the first.
    const container = mainContainer(pod);
    assert.ok(container?.restartCount === 1 && container.state.running, 'the second run has ended already');
    const text = await inNode(this, String(pod.spec?.nodeName), [
      'cat',
      containerLogFile(pod, Number.parseInt(file, 10)),
    ]);
    const texts = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split(' ').slice(3).join(' '));
    assert.deepEqual(
      this.lastCommand?.stdout.split('\n').filter((line) => line !== ''),
      texts,
    );
  },
);

When("kubectl {string} is run in the scenario's namespace", async function (this: KubeWorld, command: string) {
  await this.kubectl([...withNames(this, command).split(' '), '-n', this.namespace]);
});

Then('kubectl fails, and its error is: {}', function (this: KubeWorld, message: string) {
  const result = this.lastCommand;
  assert.notEqual(result?.exitCode, 0, `kubectl succeeded: ${result?.stdout}`);
  assert.equal(result?.stderr.trim(), withNames(this, message));
});

/** The scenario's only pod's label: these scenarios make one. */
function podLabelOf(world: KubeWorld): string {
  const labels = [...world.notes.keys()].filter((key) => key.startsWith('pod ')).map((key) => key.slice(4));
  assert.equal(labels.length, 1, `expected the scenario to make one pod, it made ${labels.join(', ')}`);
  return labels[0] ?? '';
}

When('kubectl exec runs {string} in pod {string}', async function (this: KubeWorld, command: string, label: string) {
  await this.kubectl(['exec', podName(this, label), '-n', this.namespace, '--', ...command.split(' ')]);
});

When(
  'kubectl exec -i runs sh -c {string} in pod {string}, with {string} on its standard input',
  async function (this: KubeWorld, script: string, label: string, input: string) {
    await this.kubectl(['exec', '-i', podName(this, label), '-n', this.namespace, '--', 'sh', '-c', script], input);
  },
);

Then(
  "it printed the echo server's answer with pod {string}'s IP: it ran in the pod's network namespace",
  async function (this: KubeWorld, label: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, 0, result?.stderr);
    const ip = String((await getPod(this, label)).status?.podIP);
    assert.match(result?.stdout ?? '', new RegExp(`^pod=\\S+ namespace=\\S* ip=${ip.replaceAll('.', '\\.')}\\n$`));
  },
);

Then(
  'kubectl exited {int}, printing {string} on its standard output, and {string} then {string} on its standard error',
  function (this: KubeWorld, code: number, stdout: string, stderr: string, last: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, code, `kubectl exited ${result?.exitCode}: ${result?.stderr}`);
    assert.equal(result?.stdout, stdout);
    assert.deepEqual(result?.stderr.trim().split('\n'), [stderr, last]);
  },
);

When('kubectl attach joins pod {string}', async function (this: KubeWorld, label: string) {
  await untilKubectlEnds(this, ['attach', podName(this, label), '-n', this.namespace]);
});

Then(
  'kubectl ended by itself once the container exited, having shown {string} but not {string}, printed before it joined',
  async function (this: KubeWorld, shown: string, before: string) {
    const result = this.lastCommand;
    assert.equal(result?.exitCode, 0, result?.stderr);
    const output = `${result?.stdout}${result?.stderr}`;
    assert.ok(output.includes(shown), `kubectl printed:\n${output}`);
    assert.ok(!output.includes(before), `kubectl printed what came before it joined:\n${output}`);
    const pod = await getPod(this, podLabelOf(this));
    const processes = await inNode(this, String(pod.spec?.nodeName), ['ps', '-eo', 'args']);
    assert.ok(!processes.includes('crasher.js'), `the container still runs:\n${processes}`);
  },
);
