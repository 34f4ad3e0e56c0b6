// Pod startup latency on real nodes, by the Kubernetes SLO's definition, split into its stages.
//
// The SLO: "Startup latency of schedulable stateless pods, excluding time to pull images and
// run init containers, measured from pod creation timestamp to when all its containers are
// reported as started and observed via watch", p99 at most 5 s. Here: BENCH_STARTUP_PODS (100)
// pods of kubelab/sleeper created through the API, 10 at a time, on 3 real nodes. Each pod's
// latency is split at the scheduler's binding (seen by the watch), and at the stages the kubelet
// logs when it reports a pod started ("pod started": seen, sandbox ready, containers started,
// status reported), all on this machine's one clock. Then the density part: one node filled
// 20 pods at a time, with the startup of 5 pods measured after each batch, until the median
// doubles or the node holds its 110 pods. Nothing here passes or fails.
// Real Kubernetes: the SLO in kubernetes/community (sig-scalability/slos/pod_startup_latency.md);
// ClusterLoader2's pod startup measurement.
import type { Cluster } from '../impl/cluster/cluster.js';
import { RestClient } from '../impl/client/rest-client.js';
import type { KubeObject, WatchEvent } from '../impl/client/types.js';
import { percentile } from './stats.js';

export const StartupSloP99Ms = 5000;
export const StartupAimP99Ms = 1000;
const CreateConcurrency = 10;
const DensityBatch = 20;
const DensityProbes = 5;
const MaxPods = 110;

export function startupPodsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): number {
  const count = Number(environment.BENCH_STARTUP_PODS ?? 100);
  if (!Number.isInteger(count) || count < 1)
    throw new Error('bench: BENCH_STARTUP_PODS must be a whole number above 0');
  return count;
}

interface PodTimes {
  created: number;
  scheduled?: number;
  observedRunning?: number;
}

type Stage = 'seen' | 'sandboxReady' | 'containersStarted' | 'reported';
const Stages: readonly Stage[] = ['seen', 'sandboxReady', 'containersStarted', 'reported'];

export async function runPodStartupBench(cluster: Cluster, pods: number, print: (line: string) => void): Promise<void> {
  const nodes = ['bench-1', 'bench-2', 'bench-3'];
  await Promise.all(nodes.map((node) => cluster.nodes.add(node)));
  const client = new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench', 32);
  try {
    await untilReady(client, nodes);
    const { lines } = await startPods(client, cluster, 'startup', pods, undefined);
    print(`pod startup latency, ${pods} pods on ${nodes.length} real nodes, created ${CreateConcurrency} at a time:`);
    for (const line of lines) print(`  ${line}`);
    print('');
    print(
      `density: one node filled ${DensityBatch} pods at a time; the startup of ${DensityProbes} pods after each batch:`,
    );
    await densityTable(client, cluster, nodes[0] ?? '', print);
  } finally {
    await client.close();
  }
}

async function untilReady(client: RestClient, nodes: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const items = (await client.list({ resource: 'nodes' })).items;
    const ready = items.filter((node) =>
      ((node.status?.conditions ?? []) as Array<{ type: string; status: string }>).some(
        (condition) => condition.type === 'Ready' && condition.status === 'True',
      ),
    );
    if (nodes.every((name) => ready.some((node) => node.metadata.name === name))) return;
    if (Date.now() > deadline) throw new Error('bench: the real nodes did not become Ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Creates `count` pods in namespace `namespace` (on `node` if given) and reports their startup. */
async function startPods(
  client: RestClient,
  cluster: Cluster,
  namespace: string,
  count: number,
  node: string | undefined,
): Promise<StartupReport> {
  await client
    .create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })
    .catch(() => undefined);
  const times = new Map<string, PodTimes>();
  const abort = new AbortController();
  const watching = client.watch<KubeObject>(
    { resource: 'pods', namespace },
    {},
    (event: WatchEvent<KubeObject>) => {
      const entry = times.get(event.object.metadata?.name ?? '');
      if (!entry) return;
      const now = Date.now();
      if (entry.scheduled === undefined && event.object.spec?.nodeName) entry.scheduled = now;
      const statuses = (event.object.status?.containerStatuses ?? []) as Array<{ state?: { running?: unknown } }>;
      if (
        entry.observedRunning === undefined &&
        statuses.length > 0 &&
        statuses.every((status) => status.state?.running)
      )
        entry.observedRunning = now;
    },
    abort.signal,
  );
  const names = Array.from({ length: count }, (_, index) => `pod-${String(index).padStart(4, '0')}`);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < names.length; index = next++) {
      const name = names[index] ?? '';
      times.set(name, { created: Date.now() });
      const spec = { containers: [{ name: 'main', image: 'kubelab/sleeper' }], ...(node ? { nodeName: node } : {}) };
      await client.create({ resource: 'pods', namespace }, { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
    }
  };
  await Promise.all(Array.from({ length: CreateConcurrency }, worker));
  const deadline = Date.now() + 120_000;
  while ([...times.values()].some((entry) => entry.observedRunning === undefined) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  abort.abort();
  await watching.catch(() => undefined);
  const stages = await kubeletStages(cluster, namespace);
  return report(times, stages);
}

/** The kubelets' "pod started" lines: each stage's end, by pod name. */
async function kubeletStages(cluster: Cluster, namespace: string): Promise<Map<string, Record<Stage, number>>> {
  const found = new Map<string, Record<Stage, number>>();
  for (const node of cluster.nodes.names()) {
    for (const line of (await cluster.nodes.logs(node, 100_000)).split('\n')) {
      if (!line.includes('"pod started"') || !line.includes(`pod=${namespace}/`)) continue;
      const field = (key: string) => Number(new RegExp(`${key}=(\\d+)`).exec(line)?.[1]);
      const name = /pod=[^/]+\/(\S+)/.exec(line)?.[1] ?? '';
      found.set(name, {
        seen: field('seen'),
        sandboxReady: field('sandboxReady'),
        containersStarted: field('containersStarted'),
        reported: field('reported'),
      });
    }
  }
  return found;
}

interface Spread {
  n: number;
  p50: number;
  p99: number;
}

/** The report's lines, and the SLO's own figures (creation to running, observed via watch). */
interface StartupReport {
  lines: string[];
  slo: Spread;
}

function report(times: Map<string, PodTimes>, stages: Map<string, Record<Stage, number>>): StartupReport {
  const since = (pick: (entry: PodTimes, name: string) => number | undefined): Spread => {
    const values = [...times].flatMap(([name, entry]) => {
      const at = pick(entry, name);
      return at === undefined || Number.isNaN(at) ? [] : [at - entry.created];
    });
    const sorted = values.sort((a, b) => a - b);
    return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  };
  const slo = since((entry) => entry.observedRunning);
  const rows: Array<[string, Spread]> = [
    ['scheduled (binding seen by the watch)', since((entry) => entry.scheduled)],
    ...Stages.map((stage): [string, Spread] => [
      `kubelet: ${stage}`,
      since((_entry, name) => stages.get(name)?.[stage]),
    ]),
    ['all containers running, observed via watch (the SLO)', slo],
  ];
  const lines = rows.map(
    ([label, { n, p50, p99 }]) => `${label.padEnd(54)} p50 ${ms(p50)}  p99 ${ms(p99)}  (${n} pods)`,
  );
  const ratio = (reference: number) => (slo.p99 / reference).toFixed(2);
  lines.push(
    `SLO p99 <= ${StartupSloP99Ms} ms: ratio ${ratio(StartupSloP99Ms)}; ` +
      `aim p99 < ${StartupAimP99Ms} ms: ratio ${ratio(StartupAimP99Ms)}`,
  );
  return { lines, slo };
}

/** Fills one node batch by batch; after each batch, the median startup of a few more pods. */
async function densityTable(client: RestClient, cluster: Cluster, node: string, print: (line: string) => void) {
  let baseline: number | undefined;
  for (let filled = 0, round = 0; filled + DensityProbes <= MaxPods; round++) {
    const median = (await startPods(client, cluster, `probe-${round}`, DensityProbes, node)).slo.p50;
    baseline ??= median;
    const onNode = String(filled + DensityProbes).padStart(3);
    print(`  ${onNode} pods on the node: startup p50 ${ms(median)} (x${(median / baseline).toFixed(2)})`);
    filled += DensityProbes;
    if (median >= 2 * baseline) {
      print(`  startup latency doubled with ${filled} pods on the node`);
      return;
    }
    const batch = Math.min(DensityBatch, MaxPods - filled - DensityProbes);
    if (batch <= 0) break;
    await startPods(client, cluster, `fill-${round}`, batch, node);
    filled += batch;
  }
  print(`  startup latency did not double before the node held ${MaxPods} pods (its maxPods)`);
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`.padStart(8);
}
