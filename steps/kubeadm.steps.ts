// Steps of the kubeadm control-plane feature: a second cluster whose control plane is four
// static pods, seen through kubectl and through a shell on its control-plane node.

import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { parse, stringify } from 'yaml';
import type { JsonObject, KubeObject } from '../impl/client/types.js';
import { ControlPlaneNodeName } from '../impl/cluster/real-nodes.js';
import { eventually } from './support/eventually.js';
import {
  failIfControlPlaneReachedStub,
  inControlPlaneNode,
  KubeadmStartMs,
  kubeadmScene,
  kubectlOn,
  startKubeadmScene,
} from './support/kubeadm.js';
import { conditionOf } from './support/real-nodes.js';
import type { KubeWorld } from './support/world.js';

const ManifestFolder = '/etc/kubernetes/manifests';
const HashAnnotation = 'kubernetes.io/config.hash';
/** Each control-plane container's program, as `ps` shows its command line. */
const Programs: Record<string, RegExp> = {
  etcd: /^etcd --name=control-plane /,
  'kube-apiserver': /^node \S+\/apiserver\/main\.js$/,
  'kube-controller-manager': /^node \S+\/controllers\/main\.js$/,
  'kube-scheduler': /^node \S+\/scheduler\/main\.js$/,
};

Given(
  'a second cluster laid out as kubeadm does, with its control plane in static pods',
  { timeout: KubeadmStartMs + 30_000 },
  async function (this: KubeWorld) {
    await startKubeadmScene(this);
  },
);

When('I run kubectl on that cluster: {string}', async function (this: KubeWorld, args: string) {
  this.lastCommand = await kubectlOn(this, args.split(' '));
});

Then('kubectl lists exactly these pods and nodes', function (this: KubeWorld, table: DataTable) {
  const result = this.lastCommand;
  assert.ok(result, 'no kubectl command ran');
  assert.equal(result.exitCode, 0, result.stderr);
  const rows = result.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  assert.deepEqual(rows, table.raw());
});

Then(
  "each of them is the mirror pod of a manifest in the control-plane node's manifest folder",
  async function (this: KubeWorld) {
    const files = (await inControlPlaneNode(this, ['ls', ManifestFolder])).trim().split(/\s+/).sort();
    assert.deepEqual(
      files,
      Object.keys(Programs).map((component) => `${component}.yaml`),
    );
    const node = await getOn(this, ['get', 'node', ControlPlaneNodeName]);
    // The kubelet's own list: each static pod by its uid, which the mirror carries as its hash.
    const own = JSON.parse(await inControlPlaneNode(this, ['curl', '-s', '-m', '5', 'http://localhost:10250/pods']));
    for (const component of Object.keys(Programs)) {
      const mirror = await getOn(this, ['-n', 'kube-system', 'get', 'pod', `${component}-${ControlPlaneNodeName}`]);
      const annotations = mirror.metadata.annotations ?? {};
      assert.equal(annotations['kubernetes.io/config.source'], 'file', `${component}: config.source`);
      assert.ok(annotations[HashAnnotation], `${component} has no config hash`);
      assert.equal(annotations['kubernetes.io/config.mirror'], annotations[HashAnnotation], `${component}: mirror`);
      assert.deepEqual(
        mirror.metadata.ownerReferences?.map(({ kind, name, uid, controller }) => ({ kind, name, uid, controller })),
        [{ kind: 'Node', name: ControlPlaneNodeName, uid: node.metadata.uid, controller: true }],
        `${component}: its owner`,
      );
      assert.deepEqual(mirror.metadata.labels, { component, tier: 'control-plane' }, `${component}: its labels`);
      const staticPod = (own.items as KubeObject[]).find((pod) => pod.metadata.name === mirror.metadata.name);
      assert.equal(staticPod?.metadata.uid, annotations[HashAnnotation], `${component}: the kubelet's own uid`);
      assert.notEqual(
        mirror.metadata.uid,
        annotations[HashAnnotation],
        `${component}: the mirror has a uid of its own`,
      );
    }
  },
);

Then(
  "each of them is Running and Ready, with the control-plane node's own address as its pod IP",
  async function (this: KubeWorld) {
    const node = await getOn(this, ['get', 'node', ControlPlaneNodeName]);
    const addresses = (node.status?.addresses ?? []) as Array<{ type: string; address: string }>;
    const internalIp = addresses.find((address) => address.type === 'InternalIP')?.address;
    assert.ok(internalIp, 'the control-plane node reports no InternalIP');
    for (const component of Object.keys(Programs)) {
      const pod = await getOn(this, ['-n', 'kube-system', 'get', 'pod', `${component}-${ControlPlaneNodeName}`]);
      assert.equal(pod.spec?.hostNetwork, true, `${component}: hostNetwork`);
      assert.equal(pod.status?.phase, 'Running', `${component}: phase`);
      assert.equal(conditionOf(pod, 'Ready')?.status, 'True', `${component}: Ready`);
      assert.equal(pod.status?.podIP, internalIp, `${component}: pod IP`);
      assert.equal(pod.status?.hostIP, internalIp, `${component}: host IP`);
    }
  },
);

Then(
  'on the control-plane node, each container is a process the container runtime started: etcd and the API server, controller manager and scheduler programs',
  async function (this: KubeWorld) {
    const processes = await controlPlaneProcesses(this);
    for (const [component, found] of Object.entries(processes))
      assert.ok(found, `no process of ${component} is a child of the runtime`);
  },
);

Then('the control-plane node has its podCIDR from the controller manager it runs', async function (this: KubeWorld) {
  const node = await getOn(this, ['get', 'node', ControlPlaneNodeName]);
  const podCidr = String(node.spec?.podCIDR ?? '');
  assert.match(podCidr, /^10\.244\.\d+\.0\/24$/, 'the node has no podCIDR from the cluster CIDR');
  const log = await kubectlOn(this, ['-n', 'kube-system', 'logs', `kube-controller-manager-${ControlPlaneNodeName}`]);
  assert.equal(log.exitCode, 0, log.stderr);
  const line = log.stdout.split('\n').find((candidate) => candidate.includes('Set node PodCIDR'));
  assert.ok(line?.includes(`node=${ControlPlaneNodeName}`), `the controller manager logged no PodCIDR for the node`);
  assert.ok(line?.includes(podCidr), `the controller manager's line names another range: ${line}`);
});

Given('the processes of the control plane on the control-plane node', async function (this: KubeWorld) {
  for (const [component, pid] of Object.entries(await controlPlaneProcesses(this))) {
    assert.ok(pid, `no process of ${component}`);
    this.notes.set(`pid of ${component}`, pid);
  }
});

When(
  'I add the setting {string} {string} to {string} on the control-plane node',
  async function (this: KubeWorld, name: string, value: string, file: string) {
    const path = `${ManifestFolder}/${file}`;
    const component = file.replace(/\.yaml$/, '');
    const mirror = await getOn(this, ['-n', 'kube-system', 'get', 'pod', `${component}-${ControlPlaneNodeName}`]);
    this.notes.set(`mirror uid of ${component}`, String(mirror.metadata.uid));
    this.notes.set(`hash of ${component}`, String(mirror.metadata.annotations?.[HashAnnotation]));
    const manifest = parse(await inControlPlaneNode(this, ['cat', path])) as KubeObject;
    const [container] = (manifest.spec?.containers ?? []) as JsonObject[];
    assert.ok(container, `${file} has no container`);
    container.env = [...((container.env as JsonObject[] | undefined) ?? []), { name, value }];
    // As an editor saves it: the whole file anew; the kubelet reads the folder when it changes.
    await kubeadmNodes(this).writeFile(ControlPlaneNodeName, path, stringify(manifest));
  },
);

Then(
  'within {int} seconds mirror pod {string} is a new pod, with a new config hash',
  async function (this: KubeWorld, seconds: number, name: string) {
    const component = name.replace(`-${ControlPlaneNodeName}`, '');
    await eventually(
      async () => {
        const mirror = await getOn(this, ['-n', 'kube-system', 'get', 'pod', name]);
        assert.notEqual(mirror.metadata.uid, this.notes.get(`mirror uid of ${component}`), 'the same mirror pod');
        const hash = mirror.metadata.annotations?.[HashAnnotation];
        assert.ok(hash, 'the new mirror pod has no config hash');
        assert.notEqual(hash, this.notes.get(`hash of ${component}`), 'the same config hash');
        assert.equal(mirror.status?.phase, 'Running', `the new pod is ${mirror.status?.phase ?? 'without a phase'}`);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

Then(
  'the scheduler runs as a new process, with PERCENTAGE_OF_NODES_TO_SCORE={int} in its environment',
  async function (this: KubeWorld, percentage: number) {
    const pid = (await controlPlaneProcesses(this))['kube-scheduler'];
    assert.ok(pid, 'no scheduler process');
    assert.notEqual(pid, this.notes.get('pid of kube-scheduler'), 'the scheduler is the process from before');
    const environment = (await inControlPlaneNode(this, ['cat', `/proc/${pid}/environ`])).split('\0');
    assert.ok(environment.includes(`PERCENTAGE_OF_NODES_TO_SCORE=${percentage}`), environment.join(' '));
  },
);

Then(
  'etcd, the API server and the controller manager run as the same processes as before',
  async function (this: KubeWorld) {
    const processes = await controlPlaneProcesses(this);
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager'])
      assert.equal(processes[component], this.notes.get(`pid of ${component}`), `${component} was restarted`);
  },
);

When(
  'I create on that cluster a pod {string} that tolerates the control-plane taint',
  async function (this: KubeWorld, name: string) {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: {
        containers: [{ name: 'main', image: 'kubelab/echo' }],
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      },
    };
    const result = await kubectlOn(this, ['create', '-f', '-'], JSON.stringify(pod));
    assert.equal(result.exitCode, 0, result.stderr);
  },
);

Then(
  'within {int} seconds pod {string} runs on the control-plane node, bound by the new scheduler',
  async function (this: KubeWorld, seconds: number, name: string) {
    const scheduler = `kube-scheduler-${ControlPlaneNodeName}`;
    await eventually(
      async () => {
        await failIfControlPlaneReachedStub(this);
        const pod = await getOn(this, ['-n', 'default', 'get', 'pod', name]);
        assert.equal(pod.spec?.nodeName, ControlPlaneNodeName, `pod ${name} is not bound to the control-plane node`);
        assert.equal(pod.status?.phase, 'Running', `pod ${name} is ${pod.status?.phase ?? 'without a phase'}`);
        const node = await getOn(this, ['get', 'node', ControlPlaneNodeName]);
        const prefix = String(node.spec?.podCIDR ?? '').replace(/\.0\/24$/, '.');
        assert.ok(
          pod.status?.podIP?.toString().startsWith(prefix),
          `pod IP ${pod.status?.podIP} is not in ${prefix}0/24`,
        );
        // kubectl logs shows the scheduler's current container: the one started after the edit.
        const log = await kubectlOn(this, ['-n', 'kube-system', 'logs', scheduler]);
        assert.equal(log.exitCode, 0, log.stderr);
        const bound = log.stdout
          .split('\n')
          .find((line) => line.includes('"bound"') && line.includes(`pod=default/${name} `));
        assert.ok(bound, `the new scheduler's log has no "bound" line for default/${name}`);
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

async function getOn(world: KubeWorld, args: string[]): Promise<KubeObject> {
  const result = await kubectlOn(world, [...args, '-o', 'json']);
  assert.equal(result.exitCode, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
  return JSON.parse(result.stdout) as KubeObject;
}

function kubeadmNodes(world: KubeWorld) {
  return kubeadmScene(world).nodes;
}

/**
 * Each control-plane component's pid, from `ps` in the node: the process whose parent is the
 * container runtime and whose command line is the component's program (undefined if none).
 */
async function controlPlaneProcesses(world: KubeWorld): Promise<Record<string, string | undefined>> {
  const lines = (await inControlPlaneNode(world, ['ps', '-eo', 'pid=,ppid=,args='])).trim().split('\n');
  const processes = lines.map((line) => {
    const [, pid = '', ppid = '', args = ''] = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line) ?? [];
    return { pid, ppid, args: args.trim() };
  });
  const runtime = processes.find((process) => process.args === 'kubelab-runtime');
  assert.ok(runtime, `no container runtime process in node ${ControlPlaneNodeName}: ${lines.join('\n')}`);
  return Object.fromEntries(
    Object.entries(Programs).map(([component, program]) => [
      component,
      processes.find((process) => process.ppid === runtime.pid && program.test(process.args))?.pid,
    ]),
  );
}
