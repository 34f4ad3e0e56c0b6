// The Deployment benchmark: how long the controllers take to bring up a Deployment of 500
// replicas and to roll it to a new template, and how many API requests each pod cost them.
//
// On simulated nodes (the node agent makes bound pods Running and Ready, as kwok does) the
// benchmark creates a Deployment of BENCH_REPLICAS (500) and times, from its create request:
// all pods created (the ReplicaSet controller), all bound (the scheduler), and the Deployment
// Available with every replica ready. Then it changes the template and times the rolling update
// (maxSurge and maxUnavailable 25%) until every replica is of the new template and no old pod is
// left. The audit log counts the requests of each component over each phase, per pod.
// References measured in the same run: the same pods created, and deleted, straight through the
// API by one client at 64 in flight (the floor the controllers cannot beat); and the time
// kube-controller-manager's own client rate limit (--kube-api-qps 20, --kube-api-burst 30) would
// need for the controller manager's requests, which kubelab's clients do not limit.
// Real Kubernetes: test/integration/deployment and the clusterloader2 density tests.

import { readFile } from 'node:fs/promises';
import { parseAuditLog } from '../impl/client/audit-event.js';
import type { Cluster } from '../impl/cluster/cluster.js';
import { RestClient } from '../impl/client/rest-client.js';
import type { KubeObject } from '../impl/client/types.js';
import { SimulatedNodeAnnotation } from '../impl/client/kubelab-annotations.js';
import { censusOf, formatPerPod } from './request-census.js';
import { measure } from './stats.js';

/**
 * The scale-up against the time the rate limit alone would take. Requests that fit in the
 * burst cost no waiting, and a ratio to a floor near zero would only say how near.
 */
function rateLimitedRatio(seconds: number, floorSeconds: number): string {
  const label = "scale-up / kube-controller-manager's rate-limited floor (a model of this run's requests)";
  if (floorSeconds < MeaningfulFloorSeconds)
    return `${label}: none, the requests fit in the burst (floor ${floorSeconds.toFixed(2)} s)`;
  return `${label}: ${(seconds / floorSeconds).toFixed(2)} (${seconds.toFixed(2)} s / ${floorSeconds.toFixed(2)} s)`;
}

/** Below this, the rate-limited floor is too small to divide by. */
const MeaningfulFloorSeconds = 1;

/** kube-controller-manager's client rate limit: --kube-api-qps and --kube-api-burst defaults. */
export const ControllerManagerQps = 20;
export const ControllerManagerBurst = 30;
const PodsPerNode = 110;
const DirectConcurrency = 64;
const PollMs = 250;
const PhaseTimeoutMs = 600_000;
const Namespace = 'bench-deployment';
const DirectNamespace = 'bench-direct';
const Clients = ['kube-controller-manager', 'kube-scheduler', 'kubelab-node-agent'];

export function replicasFromEnvironment(environment: NodeJS.ProcessEnv = process.env): number {
  const value = Number(environment.BENCH_REPLICAS ?? 500);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(
      `replicasFromEnvironment: BENCH_REPLICAS must be a positive integer, got "${environment.BENCH_REPLICAS}"`,
    );
  return value;
}

interface Phase {
  from: string;
  to: string;
  seconds: number;
}

/** Runs the benchmark on `cluster` (which must write its audit log) and returns its ratio lines. */
export async function runDeploymentBench(
  cluster: Cluster,
  replicas: number,
  print: (line: string) => void,
): Promise<string[]> {
  const client = new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench', DirectConcurrency + 4);
  try {
    const nodes = Math.ceil((replicas * 1.25) / PodsPerNode) + 1;
    await createSimulatedNodes(client, nodes);
    for (const namespace of [Namespace, DirectNamespace])
      await client.create(
        { resource: 'namespaces' },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      );
    print(`${replicas} replicas on ${nodes} simulated nodes`);

    const scaleUp = await timeScaleUp(client, replicas);
    print(`  all pods created                 ${scaleUp.created.toFixed(2)} s`);
    print(`  all pods bound to a node         ${scaleUp.bound.toFixed(2)} s`);
    print(`  Deployment Available, all ready  ${scaleUp.available.seconds.toFixed(2)} s`);
    const rollout = await timeRollout(client, replicas);
    print(`  rolling update to a new template ${rollout.seconds.toFixed(2)} s (maxSurge 25%, maxUnavailable 25%)`);

    const events = parseAuditLog(await readFile(cluster.auditLogPath, 'utf8'));
    const controllerRequests = { scaleUp: 0, rollout: 0 };
    for (const [label, phase] of [
      ['scale-up', scaleUp.available],
      ['rollout', rollout],
    ] as const) {
      print(`  API requests per pod, ${label}:`);
      for (const name of Clients) {
        const census = censusOf(events, name, phase.from, phase.to);
        print(`    ${name.padEnd(24)} ${formatPerPod(census, replicas)}`);
        if (name === 'kube-controller-manager')
          controllerRequests[label === 'scale-up' ? 'scaleUp' : 'rollout'] = census.total;
      }
    }

    const direct = await measure(replicas, DirectConcurrency, (index) =>
      client.create({ resource: 'pods', namespace: DirectNamespace }, plainPod(`direct-${index}`)),
    );
    const directDelete = await measure(replicas, DirectConcurrency, (index) =>
      client.delete(
        { resource: 'pods', namespace: DirectNamespace, name: `direct-${index}` },
        { gracePeriodSeconds: 0 },
      ),
    );
    print(
      `  reference: ${replicas} pods created straight through the API (${DirectConcurrency} in flight) ` +
        `${direct.seconds.toFixed(2)} s, deleted ${directDelete.seconds.toFixed(2)} s`,
    );
    const rateLimited = (requests: number) => Math.max(0, requests - ControllerManagerBurst) / ControllerManagerQps;
    print(
      `  reference (computed from this run's request count, not measured): ` +
        `kube-controller-manager's client limit (${ControllerManagerQps} qps, burst ${ControllerManagerBurst}) ` +
        `would need ${rateLimited(controllerRequests.scaleUp).toFixed(1)} s ` +
        `for the scale-up's ${controllerRequests.scaleUp} requests, ` +
        `${rateLimited(controllerRequests.rollout).toFixed(1)} s for the rollout's ${controllerRequests.rollout}`,
    );
    const directCreateAndDelete = direct.seconds + directDelete.seconds;
    return [
      `pods created by the controllers / created directly: ${(scaleUp.created / direct.seconds).toFixed(2)} ` +
        `(${scaleUp.created.toFixed(2)} s / ${direct.seconds.toFixed(2)} s)`,
      `rollout / (create + delete directly): ${(rollout.seconds / directCreateAndDelete).toFixed(2)} ` +
        `(${rollout.seconds.toFixed(2)} s / ${directCreateAndDelete.toFixed(2)} s)`,
      rateLimitedRatio(scaleUp.available.seconds, rateLimited(controllerRequests.scaleUp)),
    ];
  } finally {
    await client.close();
  }
}

async function createSimulatedNodes(client: RestClient, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      client.create({ resource: 'nodes' }, {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: `bench-node-${index}`,
          annotations: { [SimulatedNodeAnnotation]: 'true' },
          labels: { 'kubernetes.io/hostname': `bench-node-${index}` },
        },
        status: { capacity: { cpu: '64', memory: '256Gi', pods: String(PodsPerNode) } },
      } as KubeObject),
    ),
  );
  await until(async () => {
    const ready = (await client.list({ resource: 'nodes' })).items.filter((node) =>
      (node.status?.conditions as Array<{ type: string; status: string }> | undefined)?.some(
        (condition) => condition.type === 'Ready' && condition.status === 'True',
      ),
    );
    return ready.length >= count;
  }, 'the simulated nodes to be Ready');
}

/** Times the phases of bringing up the Deployment, from its create request. */
async function timeScaleUp(
  client: RestClient,
  replicas: number,
): Promise<{ created: number; bound: number; available: Phase }> {
  const from = new Date().toISOString();
  const started = performance.now();
  await client.create({ group: 'apps', resource: 'deployments', namespace: Namespace }, deployment(replicas));
  let created = 0;
  let bound = 0;
  await until(async () => {
    const pods = (await client.list({ resource: 'pods', namespace: Namespace })).items;
    const elapsed = (performance.now() - started) / 1000;
    if (!created && pods.length >= replicas) created = elapsed;
    if (!bound && pods.filter((pod) => pod.spec?.nodeName).length >= replicas) bound = elapsed;
    return created > 0 && bound > 0 && isRolledOut(await getDeployment(client), replicas);
  }, 'the Deployment to be available');
  return {
    created,
    bound,
    available: { from, to: new Date().toISOString(), seconds: (performance.now() - started) / 1000 },
  };
}

/** Times a template change until every replica is new and no old pod is left. */
async function timeRollout(client: RestClient, replicas: number): Promise<Phase> {
  const from = new Date().toISOString();
  const started = performance.now();
  const patch = { spec: { template: { metadata: { annotations: { 'kubelab.dev/revision': '2' } } } } };
  await client.patch({ group: 'apps', resource: 'deployments', namespace: Namespace, name: 'web' }, patch);
  await until(async () => {
    const pods = (await client.list({ resource: 'pods', namespace: Namespace })).items;
    return pods.length === replicas && isRolledOut(await getDeployment(client), replicas);
  }, 'the rollout to finish');
  return { from, to: new Date().toISOString(), seconds: (performance.now() - started) / 1000 };
}

function isRolledOut(deployment: KubeObject, replicas: number): boolean {
  const status = (deployment.status ?? {}) as Record<string, number>;
  const isObserved = (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0);
  return (
    isObserved &&
    status.replicas === replicas &&
    status.updatedReplicas === replicas &&
    status.availableReplicas === replicas
  );
}

function getDeployment(client: RestClient): Promise<KubeObject> {
  return client.get({ group: 'apps', resource: 'deployments', namespace: Namespace, name: 'web' });
}

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'kubelab/sleeper' }] },
      },
    },
  } as KubeObject;
}

function plainPod(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'direct' } },
    spec: { containers: [{ name: 'app', image: 'kubelab/sleeper' }] },
  } as KubeObject;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = performance.now() + PhaseTimeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline)
      throw new Error(`deployment bench: gave up waiting for ${what} after ${PhaseTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, PollMs));
  }
}
