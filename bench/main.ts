// `npm run bench`: the API server's throughput and latency, each figure beside its reference
// measured in the same run on the same machine, and the time `npm start` takes to answer.
// Benchmarks print figures; they never pass or fail a test.

import { startCluster } from '../impl/cluster/cluster.js';
import { runApiBench } from './api-bench.js';
import { measureStartTime, StartTimeAimSeconds } from './start-time.js';

const print = (line: string) => console.log(line);

print('kubelab benchmark: API server over etcd');
print(`machine: ${process.arch}, node ${process.version}`);

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
