// `npm run bench`: the API server's throughput and latency, and the scheduler's, each figure
// beside its reference, and the time `npm start` takes to answer. BENCH_ONLY=api or
// BENCH_ONLY=scheduling runs one part; scheduler-bench.ts reads BENCH_NODES and BENCH_PODS.
// Benchmarks print figures; they never pass or fail a test.

import { startCluster } from '../impl/cluster/cluster.js';
import { runApiBench } from './api-bench.js';
import { runSchedulerBench, sizesFromEnvironment } from './scheduler-bench.js';
import { measureStartTime, StartTimeAimSeconds } from './start-time.js';

const print = (line: string) => console.log(line);
const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'api' && only !== 'scheduling') throw new Error(`bench: BENCH_ONLY must be api or scheduling, got "${only}"`);

print('kubelab benchmark: API server over etcd, and the scheduler');
print(`machine: ${process.arch}, node ${process.version}`);

if (only !== 'scheduling') {
  const startSeconds = await measureStartTime('kubelab-bench-start');
  print(`npm start (after the build) to a cluster that answers: ${startSeconds.toFixed(2)} s (aim < ${StartTimeAimSeconds} s)`);

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

if (only !== 'api') {
  print('');
  print('scheduling (scheduler_perf SchedulingBasic and SchedulingNodeAffinity):');
  const sizes = sizesFromEnvironment();
  const cluster = await startCluster({ name: 'kubelab-bench-sched', logAllRequests: false, auditLog: false });
  try {
    const ratios = await runSchedulerBench(cluster, sizes, print);
    print('');
    print('ratios:');
    for (const ratio of ratios) print(`  ${ratio}`);
  } finally {
    await cluster.stop();
  }
}
