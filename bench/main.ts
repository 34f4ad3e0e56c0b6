// `npm run bench`: the API server's throughput and latency, the scheduler's, and the
// controllers' on a Deployment, each figure beside its reference, the time `npm start` takes
// to answer, and pod startup latency on real nodes. BENCH_ONLY=api, scheduling, deployment or
// startup runs one part; scheduler-bench.ts reads BENCH_NODES and BENCH_PODS,
// deployment-bench.ts BENCH_REPLICAS, pod-startup-bench.ts BENCH_STARTUP_PODS.
// Benchmarks print figures; they never pass or fail a test.

import { startCluster } from '../impl/cluster/cluster.js';
import { runApiBench } from './api-bench.js';
import { runPodStartupBench, startupPodsFromEnvironment } from './pod-startup-bench.js';
import { replicasFromEnvironment, runDeploymentBench } from './deployment-bench.js';
import { runSchedulerBench, sizesFromEnvironment } from './scheduler-bench.js';
import { measureStartTime, StartTimeAimSeconds } from './start-time.js';

const print = (line: string) => console.log(line);
const only = process.env.BENCH_ONLY;
const parts = ['api', 'scheduling', 'deployment', 'startup'];
if (only !== undefined && !parts.includes(only))
  throw new Error(`bench: BENCH_ONLY must be one of ${parts.join(', ')}, got "${only}"`);
const runs = (part: string) => only === undefined || only === part;

print('kubelab benchmark: API server over etcd, the scheduler, and the controllers');
print(`machine: ${process.arch}, node ${process.version}`);
print('references: each ratio names its reference. Raw etcd, direct API creates and the scheduling');
print("algorithm alone are measured in this run, on this machine; Kubernetes' CI thresholds are");
print('published figures from other hardware, labelled so; the rate-limit floor is a model.');

if (runs('api')) {
  const startSeconds = await measureStartTime('kubelab-bench-start');
  print(
    `npm start (after the build) to a cluster that answers: ${startSeconds.toFixed(2)} s ` +
      `(aim < ${StartTimeAimSeconds} s)`,
  );

  const cluster = await startCluster({ name: 'kubelab-bench', logAllRequests: false, auditLog: false });
  try {
    const result = await runApiBench(cluster, print);
    print('');
    print('ratios:');
    for (const ratio of result.ratios) print(`  ${ratio}`);
  } finally {
    await cluster.stop();
  }
}

if (runs('scheduling')) {
  print('');
  print('scheduling (scheduler_perf SchedulingBasic and SchedulingNodeAffinity):');
  const sizes = sizesFromEnvironment();
  // Its thousands of nodes are plain objects, as in scheduler_perf: they need no pod ranges,
  // and patching them in would load the API server the benchmark measures.
  const cluster = await startCluster({
    name: 'kubelab-bench-sched',
    logAllRequests: false,
    auditLog: false,
    controllers: '*,-node-ipam-controller',
  });
  try {
    const ratios = await runSchedulerBench(cluster, sizes, print);
    print('');
    print('ratios:');
    for (const ratio of ratios) print(`  ${ratio}`);
  } finally {
    await cluster.stop();
  }
}

if (runs('deployment')) {
  print('');
  print('controllers (a Deployment brought up, then rolled to a new template):');
  // The audit log stays on: it is where the requests per pod are counted (and it costs the API server a little).
  const cluster = await startCluster({ name: 'kubelab-bench-deploy', logAllRequests: false });
  try {
    const ratios = await runDeploymentBench(cluster, replicasFromEnvironment(), print);
    print('');
    print('ratios:');
    for (const ratio of ratios) print(`  ${ratio}`);
  } finally {
    await cluster.stop();
  }
}

if (runs('startup')) {
  print('');
  print('pod startup on real nodes (the pod startup latency SLO):');
  const cluster = await startCluster({ name: 'kubelab-bench-startup', logAllRequests: false, auditLog: false });
  try {
    await runPodStartupBench(cluster, startupPodsFromEnvironment(), print);
  } finally {
    await cluster.stop();
  }
}
