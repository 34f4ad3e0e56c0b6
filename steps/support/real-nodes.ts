// Real nodes for a scenario: containers whose kubelet registers the Node and runs the pods.
//
// A scenario that needs them is tagged @needs-real-nodes (cluster-access.ts says to which
// clusters a run may add node containers). Its nodes replace whatever nodes the scenario before
// it left, as the simulated ones do, and are removed when it ends: the container first, then
// the Node object, as a person would take a machine out of a cluster (`kubectl delete node`).

import assert from 'node:assert/strict';
import type { KubeObject } from '../../impl/client/types.js';
import { parseCidr } from '../../impl/controllers/nodeipam/cidr-set.js';
import { eventuallyExplained } from './warnings.js';
import { WholeLog } from './probe-recorder.js';
import { type KubeWorld, shared } from './world.js';

function requireRealNodesTag(world: KubeWorld): void {
  if (!world.tags.includes('@needs-real-nodes'))
    throw new Error('this scenario starts real nodes: tag it @needs-real-nodes');
}

/** Removes every other node, starts one real node per label, and waits until each is Ready. */
export async function onlyRealNodes(world: KubeWorld, labels: string[]): Promise<void> {
  requireRealNodesTag(world);
  for (const node of (await world.api.list({ resource: 'nodes' })).items) {
    await world.api.delete({ resource: 'nodes', name: node.metadata.name });
  }
  const names = labels.map((label) => {
    const name = world.uniqueName(label.replace(/\s+/g, '-'));
    world.nodeNames.set(label, name);
    return name;
  });
  for (const name of names) {
    world.cleanups.push(async () => {
      await removeRealNode(world, name);
      await world.api.delete({ resource: 'nodes', name }).catch(() => undefined);
    });
  }
  await Promise.all(names.map((name) => addRealNode(world, name)));
  for (const name of names) await untilReadyWithRange(world, name);
}

async function addRealNode(world: KubeWorld, name: string): Promise<void> {
  await world.nodes.add(name);
  // In a student edition its kubelet may reach a stub, as a component may (stub-reports.ts).
  shared.stubReports?.followNode(name, world.nodes.containerId(name));
}

/**
 * Stops a real node's container, as `docker stop` would. In the probe edition, its kubelet's
 * marks are read first: its log goes with the container.
 */
export async function removeRealNode(world: KubeWorld, name: string): Promise<void> {
  shared.stubReports?.unfollowNode(name);
  if (shared.probe && world.nodes.names().includes(name)) shared.probe.readLog(await world.nodes.logs(name, WholeLog));
  await world.nodes.remove(name);
}

/** Ready, and with its pod range: until then no pod can get an address on it. */
async function untilReadyWithRange(world: KubeWorld, name: string): Promise<KubeObject> {
  return eventuallyExplained(
    world,
    async () => {
      const node = await world.api.get({ resource: 'nodes', name });
      const ready = conditionOf(node, 'Ready');
      assert.equal(ready?.status, 'True', `node ${name} is not Ready yet`);
      assert.ok(node.spec?.podCIDR, `node ${name} has no podCIDR yet`);
      return node;
    },
    { timeoutMs: 30_000 },
  );
}

export function realNodeName(world: KubeWorld, label: string): string {
  const name = world.nodeNames.get(label);
  if (!name) throw new Error(`the scenario has no node "${label}"; it has ${[...world.nodeNames.keys()].join(', ')}`);
  return name;
}

export function conditionOf(object: KubeObject, type: string): Record<string, unknown> | undefined {
  const conditions = (object.status?.conditions ?? []) as Array<Record<string, unknown>>;
  return conditions.find((condition) => condition.type === type);
}

/** Runs a command in a node's container and returns what it printed; fails on a non-zero exit. */
export async function inNode(world: KubeWorld, node: string, command: string[]): Promise<string> {
  const { exitCode, output } = await world.nodes.exec(node, command);
  assert.equal(exitCode, 0, `${command.join(' ')} in node ${node} exited ${exitCode}: ${output}`);
  return output;
}

/** The node's IPv4 address on eth0, as `ip -4 addr` shows it inside the node. */
export async function nodeAddress(world: KubeWorld, node: string): Promise<string> {
  const output = await inNode(world, node, ['ip', '-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  const match = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(output);
  assert.ok(match?.[1], `no IPv4 address on eth0 of node ${node}: ${output}`);
  return match[1];
}

/** Each network namespace of the node, by the IPv4 address on its eth0. */
export async function namespacesByAddress(world: KubeWorld, node: string): Promise<Map<string, string>> {
  const output = await inNode(world, node, [
    'ip',
    '-all',
    'netns',
    'exec',
    'ip',
    '-4',
    '-o',
    'addr',
    'show',
    'dev',
    'eth0',
  ]);
  const byAddress = new Map<string, string>();
  let netns = '';
  for (const line of output.split('\n')) {
    const header = /^netns: (\S+)/.exec(line);
    if (header?.[1]) netns = header[1];
    const address = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(line);
    if (address?.[1] && netns) byAddress.set(address[1], netns);
  }
  return byAddress;
}

/** Whether `address` is inside `cidr`: masked to the range's size, it is the range's base. */
export function inRange(address: string, cidr: string): boolean {
  const [base, mask] = parseCidr(cidr);
  return parseCidr(`${address}/${mask}`)[0] === base;
}
