// The scheduling benchmark: Kubernetes' scheduler_perf workloads SchedulingBasic and
// SchedulingNodeAffinity (5000Nodes_10000Pods) against kubelab's API server and scheduler.
//
// As in scheduler_perf, the nodes are plain API objects with capacity in their status (not
// simulated nodes: no agent keeps them), some pods are already placed, then the measured pods
// are created at once. A watch on pods times each one from its create request to the event that
// shows spec.nodeName; every binding also costs the scheduler's Scheduled event, as in
// Kubernetes. Two references: Kubernetes' CI thresholds (its scheduler_perf job fails when the
// average of its 1-second throughput samples falls below 680 and 220 pods/s), published
// figures from other machines, compared on that same metric; and the scheduling algorithm
// alone (no API calls), measured here in the same run.
// Sizes: BENCH_NODES (5000) and BENCH_PODS (10000); placed pods keep scheduler_perf's ratio to
// nodes (basic: 1 per 5 nodes, affinity: 1 per node), created bound rather than scheduled.

import type { Cluster, ComponentName } from '../impl/cluster/cluster.js';
import { ComponentTable } from '../impl/cluster/components.js';
import { RestClient } from '../impl/client/rest-client.js';
import type { Affinity, KubeObject, Pod } from '../impl/client/types.js';
import { benchmarkAlgorithm } from '../impl/scheduler/bench-algorithm.js';
import { ScheduledReason } from '../impl/scheduler/scheduler.js';
import { formatCpu, readCpu } from './component-cpu.js';
import { measure, percentile } from './stats.js';

/** scheduler_perf thresholds (misc/ and affinity/performance-config.yaml), pods/s. */
export const SchedulingBasicThreshold = 680;
export const SchedulingNodeAffinityThreshold = 220;
const ZoneLabel = 'topology.kubernetes.io/zone';
const HostnameLabel = 'kubernetes.io/hostname';
/** Creates in flight at once, for nodes, placed pods and measured pods alike. */
const CreateConcurrency = 16;
const SampleIntervalMs = 1000;
/** Give up on the rest when no pod was bound for this long. */
const StallTimeoutMs = 60_000;
const PlacedNamespace = 'placed';
// One instance of each row of the component table: the one that acts.
const Components: readonly ComponentName[] = ComponentTable.map((row) => row.name);

export interface SchedulerBenchSizes {
  nodes: number;
  pods: number;
}

interface Workload {
  name: string;
  namespace: string;
  /** scheduler_perf's initPods at this node count. */
  placedPods: number;
  threshold: number;
  /** The measured pods' affinity, if any (pod-with-node-affinity.yaml). */
  affinity?: Affinity;
}

interface Bench {
  cluster: Cluster;
  sizes: SchedulerBenchSizes;
  print: (line: string) => void;
  client: RestClient;
  /** Its own connections: a watch holds one for good. */
  watchClient: RestClient;
}

export interface SchedulingMeasurement {
  pods: number;
  boundPods: number;
  /** First create sent to last create answered. */
  createSeconds: number;
  /** performance.now() at the first create. */
  startedAt: number;
  /** First create sent to last binding seen. */
  seconds: number;
  podsPerSecond: number;
  /** Median of the 1-second samples; `sampleAverage` is scheduler_perf's Average of them. */
  steadyPodsPerSecond: number;
  sampleAverage: number;
  p50Ms: number;
  p99Ms: number;
}

export function sizesFromEnvironment(environment: NodeJS.ProcessEnv = process.env): SchedulerBenchSizes {
  const read = (name: string, fallback: number) => {
    const value = Number(environment[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`sizesFromEnvironment: ${name} must be a positive integer, got "${environment[name]}"`);
    return value;
  };
  return { nodes: read('BENCH_NODES', 5000), pods: read('BENCH_PODS', 10_000) };
}

export async function runSchedulerBench(
  cluster: Cluster,
  sizes: SchedulerBenchSizes,
  print: (line: string) => void,
): Promise<string[]> {
  const bench: Bench = {
    cluster,
    sizes,
    print,
    client: new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench', CreateConcurrency + 4),
    watchClient: new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench-watch', 2),
  };
  const algorithm = benchmarkAlgorithm(sizes.nodes, sizes.pods, { placedPods: basicPlacedPods(sizes) });
  print(
    `scheduling algorithm alone (no API), ${sizes.nodes} nodes, ${sizes.pods} pods: ` +
      `${algorithm.podsPerSecond.toFixed(0)} pods/s, ${algorithm.microsecondsPerPod.toFixed(0)} µs per pod ` +
      `(${algorithm.cpuMicrosecondsPerPod.toFixed(0)} µs CPU)`,
  );
  const ratios: string[] = [];
  try {
    for (const name of [PlacedNamespace, ...workloads(sizes).map((workload) => workload.namespace)]) {
      await bench.client.create(
        { resource: 'namespaces' },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      );
    }
    const nodes = await measure(sizes.nodes, CreateConcurrency, (index) =>
      bench.client.create({ resource: 'nodes' }, benchNode(index)),
    );
    print(`created ${sizes.nodes} nodes through the API: ${nodes.perSecond.toFixed(0)}/s`);
    let placed = 0;
    for (const workload of workloads(sizes)) {
      const result = await runWorkload(bench, workload, placed);
      placed = Math.max(placed, workload.placedPods) + result.boundPods;
      const rate = result.podsPerSecond.toFixed(0);
      const average = result.sampleAverage.toFixed(0);
      // The thresholds are published figures from Kubernetes' CI machines, not measured here.
      const threshold = `Kubernetes' CI threshold (published; other hardware, not this run)`;
      ratios.push(
        `${workload.name} scheduler_perf's metric (average of 1 s throughput samples) / ${threshold}: ` +
          `${average} / ${workload.threshold} = ${(result.sampleAverage / workload.threshold).toFixed(2)}`,
        `${workload.name} first create to last binding / ${threshold}: ` +
          `${rate} / ${workload.threshold} = ${(result.podsPerSecond / workload.threshold).toFixed(2)}`,
      );
      if (workload.affinity === undefined) {
        ratios.push(
          `${workload.name} end to end / algorithm alone (both measured in this run): ` +
            `${rate} / ${algorithm.podsPerSecond.toFixed(0)} = ` +
            `${(result.podsPerSecond / algorithm.podsPerSecond).toFixed(2)}`,
        );
      }
    }
  } finally {
    await Promise.all([bench.client.close(), bench.watchClient.close()]);
  }
  return ratios;
}

/** The two scheduler_perf workloads at these sizes. */
function workloads(sizes: SchedulerBenchSizes): Workload[] {
  const affinity: Affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: ZoneLabel, operator: 'In', values: ['zone1', 'zone2'] }] }],
      },
    },
  };
  return [
    {
      name: 'SchedulingBasic',
      namespace: 'basic',
      placedPods: basicPlacedPods(sizes),
      threshold: SchedulingBasicThreshold,
    },
    {
      name: 'SchedulingNodeAffinity',
      namespace: 'node-affinity',
      placedPods: sizes.nodes,
      threshold: SchedulingNodeAffinityThreshold,
      affinity,
    },
  ];
}

function basicPlacedPods(sizes: SchedulerBenchSizes): number {
  return Math.ceil(sizes.nodes / 5);
}

/** Tops the placed pods up to the workload's number (earlier workloads' pods count), then measures. */
async function runWorkload(bench: Bench, workload: Workload, placed: number): Promise<SchedulingMeasurement> {
  const { client, sizes } = bench;
  const missing = Math.max(0, workload.placedPods - placed);
  await measure(missing, CreateConcurrency, (index) => {
    const name = `placed-${placed + index}`;
    return client.create(
      { resource: 'pods', namespace: PlacedNamespace },
      benchPod(name, { nodeName: `node-${(placed + index) % sizes.nodes}` }),
    );
  });
  const pods = Array.from({ length: sizes.pods }, (_, index) =>
    benchPod(`pod-${index}`, { affinity: workload.affinity }),
  );
  const cpuBefore = await readCpu(bench.cluster, Components);
  const result = await measureScheduling(client, bench.watchClient, workload.namespace, pods);
  const eventsSeconds = await waitForScheduledEvents(bench, workload.namespace, result.boundPods, result.startedAt);
  const cpuAfter = await readCpu(bench.cluster, Components);
  printWorkload(bench.print, workload, sizes, placed + missing, result);
  const events =
    eventsSeconds === undefined
      ? `not all stored; none more for ${StallTimeoutMs / 1000} s`
      : `all stored by ${eventsSeconds.toFixed(1)} s after the first create ` +
        `(${(result.boundPods / eventsSeconds).toFixed(0)} pods/s counting them)`;
  bench.print(`  Scheduled events: ${events}`);
  bench.print(`  CPU, first create to last event: ${formatCpu(cpuBefore, cpuAfter, result.boundPods, 'pod')}`);
  return result;
}

/** Creates `pods` in `namespace` at once; times each from its create request to its binding in a watch. */
async function measureScheduling(
  client: RestClient,
  watchClient: RestClient,
  namespace: string,
  pods: Pod[],
): Promise<SchedulingMeasurement> {
  const createdAt = new Map<string, number>();
  const boundAt = new Map<string, number>();
  const abort = new AbortController();
  let lastProgress = performance.now();
  // Watch from the current version: every binding after it is seen, none before.
  const list = await client.list({ resource: 'pods', namespace }, { limit: '1' });
  let watchError: unknown;
  const stream = watchClient
    .watch<Pod>(
      { resource: 'pods', namespace },
      { resourceVersion: list.metadata.resourceVersion ?? '0' },
      (event) => {
        const name = event.object.metadata?.name ?? '';
        if (event.type === 'ERROR' || !event.object.spec?.nodeName || boundAt.has(name)) return;
        lastProgress = performance.now();
        boundAt.set(name, lastProgress);
      },
      abort.signal,
    )
    .then(
      () => {
        if (!abort.signal.aborted) watchError = new Error('measureScheduling: the watch on pods ended early');
      },
      (error: unknown) => {
        if (!abort.signal.aborted) watchError = error;
      },
    );
  // scheduler_perf's throughput collector: pods bound per interval, over the interval's real length.
  const samples: number[] = [];
  let sampled = { bound: 0, at: performance.now() };
  const started = sampled.at;
  const sampler = setInterval(() => {
    const now = performance.now();
    samples.push(((boundAt.size - sampled.bound) * 1000) / (now - sampled.at));
    sampled = { bound: boundAt.size, at: now };
  }, SampleIntervalMs);
  const creates = await measure(pods.length, CreateConcurrency, (index) => {
    const pod = pods[index] as Pod;
    createdAt.set(pod.metadata.name ?? '', performance.now());
    return client.create({ resource: 'pods', namespace }, pod);
  });
  lastProgress = Math.max(lastProgress, performance.now());
  while (boundAt.size < pods.length && watchError === undefined && performance.now() - lastProgress < StallTimeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clearInterval(sampler);
  abort.abort();
  await stream;
  if (watchError !== undefined) throw watchError;
  return summarizeScheduling(pods.length, started, creates.seconds, createdAt, boundAt, samples);
}

/**
 * Waits until every bound pod's Scheduled event is stored: the scheduler writes it after the
 * binding, so some are still on their way at the last binding, and the next workload must not
 * pay for them. Seconds from `startedAt` to the last one seen, or undefined after a stall.
 */
async function waitForScheduledEvents(
  bench: Bench,
  namespace: string,
  expected: number,
  startedAt: number,
): Promise<number | undefined> {
  const ref = { resource: 'events', namespace };
  const query = { fieldSelector: `reason=${ScheduledReason}` };
  const list = await bench.client.list(ref, query);
  let seen = list.items.length;
  let lastSeen = performance.now();
  const abort = new AbortController();
  let watchError: unknown;
  const stream = bench.watchClient
    .watch(
      ref,
      { ...query, resourceVersion: list.metadata.resourceVersion ?? '0' },
      (event) => {
        if (event.type !== 'ADDED') return;
        seen++;
        lastSeen = performance.now();
      },
      abort.signal,
    )
    .catch((error: unknown) => {
      if (!abort.signal.aborted) watchError = error;
    });
  while (seen < expected && watchError === undefined && performance.now() - lastSeen < StallTimeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  abort.abort();
  await stream;
  if (watchError !== undefined) throw watchError;
  return seen >= expected ? (lastSeen - startedAt) / 1000 : undefined;
}

function summarizeScheduling(
  pods: number,
  started: number,
  createSeconds: number,
  createdAt: Map<string, number>,
  boundAt: Map<string, number>,
  samples: number[],
): SchedulingMeasurement {
  const latencies: number[] = [];
  let lastBound = started;
  for (const [name, bound] of boundAt) {
    const created = createdAt.get(name);
    if (created !== undefined) latencies.push(bound - created);
    lastBound = Math.max(lastBound, bound);
  }
  latencies.sort((a, b) => a - b);
  const sortedSamples = [...samples].sort((a, b) => a - b);
  const seconds = (lastBound - started) / 1000;
  return {
    pods,
    boundPods: boundAt.size,
    createSeconds,
    startedAt: started,
    seconds,
    podsPerSecond: seconds > 0 ? boundAt.size / seconds : 0,
    steadyPodsPerSecond: percentile(sortedSamples, 0.5),
    sampleAverage: samples.length > 0 ? samples.reduce((sum, sample) => sum + sample, 0) / samples.length : Number.NaN,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

function printWorkload(
  print: (line: string) => void,
  workload: Workload,
  sizes: SchedulerBenchSizes,
  placedBefore: number,
  result: SchedulingMeasurement,
): void {
  print(
    `${workload.name}: ${sizes.nodes} nodes, ${placedBefore} pods placed before ` +
      `(scheduler_perf: ${workload.placedPods}), ${result.pods} pods created at once`,
  );
  if (result.boundPods < result.pods)
    print(`  only ${result.boundPods} of ${result.pods} pods were bound; none more for ${StallTimeoutMs / 1000} s`);
  print(
    `  created in ${result.createSeconds.toFixed(1)} s (${(result.pods / result.createSeconds).toFixed(0)}/s); ` +
      `last binding ${result.seconds.toFixed(1)} s after the first create`,
  );
  print(
    `  pods scheduled per second, first create to last binding: ${result.podsPerSecond.toFixed(0)} ` +
      `(Kubernetes' CI floor: ${workload.threshold})`,
  );
  print(
    `  per 1-second sample: median ${result.steadyPodsPerSecond.toFixed(0)}, ` +
      `average ${result.sampleAverage.toFixed(0)} (scheduler_perf's Average)`,
  );
  print(`  create to binding: p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms`);
}

/** node-default.yaml: 4 CPUs, 32Gi, 110 pods, Ready; one zone, as the affinity workload labels them. */
function benchNode(index: number): KubeObject {
  const name = `node-${index}`;
  const capacity = { cpu: '4', memory: '32Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { [HostnameLabel]: name, [ZoneLabel]: 'zone1' } },
    spec: {},
    status: { capacity, allocatable: { ...capacity }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** pod-default.yaml: one pause container asking for 100m CPU and 500Mi. */
function benchPod(name: string, options: { nodeName?: string; affinity?: Affinity }): Pod {
  const resources = { cpu: '100m', memory: '500Mi' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [
        {
          name: 'pause',
          image: 'pause',
          ports: [{ containerPort: 80 }],
          resources: { requests: resources, limits: resources },
        },
      ],
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      ...(options.affinity ? { affinity: options.affinity } : {}),
    },
  };
}
