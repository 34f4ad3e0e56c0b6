// Steps of the static pods feature: manifests written into a node's folder, as a person with a
// shell on the node would, and what the node runs and the API shows for them.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { stringify } from 'yaml';
import { isNotFound } from '../impl/client/api-errors.js';
import { clientName } from '../impl/client/audit-event.js';
import type { KubeObject } from '../impl/client/types.js';
import { readAuditLog } from './support/audit.js';
import { kill, start } from './support/control-plane.js';
import { eventually } from './support/eventually.js';
import { inNode, namespacesByAddress, nodeAddress, realNodeName } from './support/real-nodes.js';
import type { KubeWorld } from './support/world.js';

const ManifestFolder = '/etc/kubernetes/manifests';
const SourceAnnotation = 'kubernetes.io/config.source';
const HashAnnotation = 'kubernetes.io/config.hash';
const MirrorAnnotation = 'kubernetes.io/config.mirror';

interface StaticPodNotes {
  name: string;
  node: string;
  file: string;
}

function notesOf(world: KubeWorld, label: string): StaticPodNotes {
  const name = world.notes.get(`static ${label}`);
  if (!name) throw new Error(`the scenario placed no manifest "${label}"`);
  return { name, node: String(world.notes.get(`static ${label} node`)), file: `${ManifestFolder}/${name}.yaml` };
}

/** The label of the one static pod the scenario placed, for steps that do not name it. */
function theStaticPod(world: KubeWorld): string {
  const key = [...world.notes.keys()].find((candidate) => /^static [^ ]+$/.test(candidate));
  if (!key) throw new Error('the scenario placed no manifest');
  return key.slice('static '.length);
}

/** The mirror pod's name: the manifest's, with the node's name after it. */
function mirrorName(world: KubeWorld, label: string): string {
  const { name, node } = notesOf(world, label);
  return `${name}-${node}`;
}

async function placeManifest(world: KubeWorld, label: string, nodeLabel: string, image: string): Promise<void> {
  const node = realNodeName(world, nodeLabel);
  const name = world.notes.get(`static ${label}`) ?? world.uniqueName(label);
  world.notes.set(`static ${label}`, name);
  world.notes.set(`static ${label} node`, node);
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: world.namespace },
    spec: { containers: [{ name: 'main', image }] },
  };
  await world.nodes.writeFile(node, `${ManifestFolder}/${name}.yaml`, stringify(manifest));
}

/** The pid of the node's process that runs `program` (echo.js, sleeper.js), if one does. */
async function pidOf(world: KubeWorld, node: string, program: string): Promise<string | undefined> {
  const processes = await inNode(world, node, ['ps', '-eo', 'pid,args']);
  const line = processes.split('\n').find((entry) => entry.includes(`/images/${program}`));
  return line?.trim().split(/\s+/)[0];
}

async function mirrorPodOf(world: KubeWorld, label: string): Promise<KubeObject | undefined> {
  const ref = { resource: 'pods', namespace: world.namespace, name: mirrorName(world, label) };
  return world.api.get(ref).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
}

/**
 * What makes a pod the mirror of a static pod, as the kubelet writes it: named after its node
 * (its lookup by name says so), marked as coming from a file, with the static pod's hash, owned
 * by the Node, and bound to it from the start.
 */
async function assertIsMirror(world: KubeWorld, label: string, mirror: KubeObject): Promise<void> {
  const { node } = notesOf(world, label);
  const nodeObject = await world.api.get({ resource: 'nodes', name: node });
  const annotations = mirror.metadata.annotations ?? {};
  assert.equal(annotations[SourceAnnotation], 'file', `${SourceAnnotation} of ${mirror.metadata.name}`);
  assert.match(annotations[HashAnnotation] ?? '', /^[0-9a-f]{32}$/, `${HashAnnotation} of ${mirror.metadata.name}`);
  assert.equal(annotations[MirrorAnnotation], annotations[HashAnnotation], `${MirrorAnnotation} is not the hash`);
  assert.deepEqual(mirror.metadata.ownerReferences, [
    { apiVersion: 'v1', kind: 'Node', name: node, uid: nodeObject.metadata.uid, controller: true },
  ]);
  assert.equal(mirror.spec?.nodeName, node);
}

When(
  "a manifest of pod {string} running {string} is placed in node {string}'s manifest folder",
  async function (this: KubeWorld, label: string, image: string, node: string) {
    await placeManifest(this, label, node, image);
  },
);

Then(
  'within {int} seconds node {string} runs static pod {string}, whose echo server answers on its IP',
  async function (this: KubeWorld, seconds: number, nodeLabel: string, label: string) {
    const node = realNodeName(this, nodeLabel);
    const expected = `pod=${mirrorName(this, label)} `;
    await eventually(
      async () => {
        assert.ok(await pidOf(this, node, 'echo.js'), `no echo server runs in node ${node}`);
        // Asked from the node itself, by the address of its pod's network namespace: no API.
        const answers = [];
        for (const address of (await namespacesByAddress(this, node)).keys()) {
          answers.push(await inNode(this, node, ['curl', '-s', '-m', '2', `http://${address}:8080/`]));
        }
        assert.ok(
          answers.some((answer) => answer.startsWith(expected)),
          `answers: ${answers.join(' | ') || 'none'}`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
    this.notes.set(`static ${label} pid`, String(await pidOf(this, node, 'echo.js')));
  },
);

Then(
  'within {int} seconds the API shows static pod {string} as a mirror pod named after its node, owned by the Node',
  async function (this: KubeWorld, seconds: number, label: string) {
    const mirror = await eventually(
      async () => {
        const pod = await mirrorPodOf(this, label);
        assert.ok(pod, `no pod ${mirrorName(this, label)} in the API`);
        return pod;
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
    await assertIsMirror(this, label, mirror);
    this.notes.set(`static ${label} mirror uid`, String(mirror.metadata.uid));
    this.notes.set(`static ${label} hash`, String(mirror.metadata.annotations?.[MirrorAnnotation]));
  },
);

Then(
  "the audit log shows node {string}'s kubelet created the mirror pod, and nobody bound it",
  async function (this: KubeWorld, nodeLabel: string) {
    const label = theStaticPod(this);
    const name = mirrorName(this, label);
    const address = await nodeAddress(this, realNodeName(this, nodeLabel));
    const events = (await readAuditLog(this.auditLogPath)).filter(
      (event) =>
        event.objectRef?.resource === 'pods' && event.objectRef.name === name && event.stage === 'ResponseComplete',
    );
    const creates = events.filter((event) => event.verb === 'create' && event.objectRef?.subresource === undefined);
    assert.ok(creates.length >= 1, 'no create of the mirror pod in the audit log');
    for (const create of creates) {
      assert.equal(clientName(create.userAgent), 'kubelet');
      assert.deepEqual(create.sourceIPs, [address]);
    }
    const bindings = events.filter((event) => event.objectRef?.subresource === 'binding');
    assert.deepEqual(bindings, [], 'the mirror pod was bound');
  },
);

Then(
  "inside node {string}, the kubelet's \\/pods on port {int} lists static pod {string} by its own uid, the config hash",
  async function (this: KubeWorld, nodeLabel: string, port: number, label: string) {
    const node = realNodeName(this, nodeLabel);
    const list = JSON.parse(await inNode(this, node, ['curl', '-s', '-m', '5', `http://localhost:${port}/pods`]));
    const pod = (list.items as KubeObject[]).find((item) => item.metadata.name === mirrorName(this, label));
    assert.ok(pod, `the kubelet's /pods has no ${mirrorName(this, label)}`);
    assert.equal(pod.metadata.uid, this.notes.get(`static ${label} hash`));
    assert.notEqual(pod.metadata.uid, this.notes.get(`static ${label} mirror uid`));
  },
);

Given(
  'static pod {string} running {string} runs on node {string}, shown by its mirror pod',
  async function (this: KubeWorld, label: string, image: string, nodeLabel: string) {
    await placeManifest(this, label, nodeLabel, image);
    const node = realNodeName(this, nodeLabel);
    const program = `${image.split('/')[1]}.js`;
    await eventually(
      async () => {
        assert.ok(await pidOf(this, node, program), `no ${program} runs in node ${node}`);
        const mirror = await mirrorPodOf(this, label);
        assert.ok(mirror?.status?.phase === 'Running', `mirror pod: ${mirror?.status?.phase ?? 'none'}`);
        await assertIsMirror(this, label, mirror);
        this.notes.set(`static ${label} mirror uid`, String(mirror?.metadata.uid));
        this.notes.set(`static ${label} hash`, String(mirror?.metadata.annotations?.[MirrorAnnotation]));
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    this.notes.set(`static ${label} pid`, String(await pidOf(this, node, program)));
  },
);

When('the mirror pod of {string} is deleted with kubectl', async function (this: KubeWorld, label: string) {
  const result = await this.kubectl(['delete', 'pod', mirrorName(this, label), '-n', this.namespace, '--wait=false']);
  assert.equal(result.exitCode, 0, result.stderr);
});

Then(
  'within {int} seconds the mirror pod of {string} is back with a new uid, and the same process runs it',
  async function (this: KubeWorld, seconds: number, label: string) {
    const before = this.notes.get(`static ${label} mirror uid`);
    await eventually(
      async () => {
        const mirror = await mirrorPodOf(this, label);
        assert.ok(mirror && !mirror.metadata.deletionTimestamp, 'no mirror pod yet');
        assert.notEqual(mirror.metadata.uid, before);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
    const { node } = notesOf(this, label);
    assert.equal(await pidOf(this, node, 'echo.js'), this.notes.get(`static ${label} pid`));
  },
);

When(
  'the manifest of {string} is changed to run {string}',
  async function (this: KubeWorld, label: string, image: string) {
    const nodeLabel = [...this.nodeNames].find(([, name]) => name === notesOf(this, label).node)?.[0] ?? '';
    await placeManifest(this, label, nodeLabel, image);
  },
);

Then(
  'within {int} seconds node {string} runs {string} instead of {string}, and the mirror pod shows the new manifest',
  async function (this: KubeWorld, seconds: number, nodeLabel: string, now: string, before: string) {
    const node = realNodeName(this, nodeLabel);
    const label = theStaticPod(this);
    const hashBefore = this.notes.get(`static ${label} hash`);
    await eventually(
      async () => {
        assert.ok(await pidOf(this, node, `${now.split('/')[1]}.js`), `${now} does not run yet`);
        assert.equal(await pidOf(this, node, `${before.split('/')[1]}.js`), undefined, `${before} still runs`);
        const mirror = await mirrorPodOf(this, label);
        const containers = (mirror?.spec?.containers ?? []) as Array<{ image?: string }>;
        assert.equal(containers[0]?.image, now);
        assert.notEqual(mirror?.metadata.annotations?.[MirrorAnnotation], hashBefore);
        if (mirror) await assertIsMirror(this, label, mirror);
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

When("the manifest of {string} is removed from its node's folder", async function (this: KubeWorld, label: string) {
  const { node, file } = notesOf(this, label);
  await inNode(this, node, ['rm', file]);
});

Then(
  'within {int} seconds the process of static pod {string} is gone, and so is its mirror pod',
  async function (this: KubeWorld, seconds: number, label: string) {
    const { node } = notesOf(this, label);
    await eventually(
      async () => {
        assert.equal(await pidOf(this, node, 'echo.js'), undefined, 'the echo server still runs');
        assert.equal(await mirrorPodOf(this, label), undefined, 'the mirror pod is still in the API');
      },
      { timeoutMs: seconds * 1000, intervalMs: 250 },
    );
  },
);

When('the API server is stopped', async function (this: KubeWorld) {
  await kill(this, 'apiserver');
});

When('the API server is started again', async function (this: KubeWorld) {
  await start(this, 'apiserver');
});
