// The cluster options of test runs: Kubernetes' timings shortened from minutes to seconds, so
// that what a learner would wait minutes for happens within a scenario. Test runs (steps/) and
// the exercise watch mode's warm cluster (exercises/) both start their clusters with them, so
// they live here, beside the options they fill in, where both may read them.

import type { ClusterOptions } from './cluster-options.js';

/** Compact often in tests, so that "history is gone" can be observed within seconds. */
export const TestCompactionIntervalSeconds = 4;
/**
 * Node lifecycle in seconds, not minutes: heartbeats every 2 s, a node silent for 10 s is
 * Unknown, and its pods go 5 s later (Kubernetes: 10 s, 50 s and 300 s).
 */
export const TestNodeLifecycle = {
  nodeLeaseRenewIntervalSeconds: 2,
  nodeMonitorGracePeriodSeconds: 10,
  defaultTolerationSeconds: 5,
};
/** The pod garbage collector checks every 2 s and gives a missing node 4 s (Kubernetes: 20 s and 40 s). */
export const TestPodGc = { podGcCheckPeriodSeconds: 2, podGcQuarantineSeconds: 4 };

/** A controller manager's Lease lasts 6 s unrenewed, renewed every second (Kubernetes: 15 s and 2 s). */
export const TestLeaderElection = { leaseDurationSeconds: 6, renewDeadlineSeconds: 4, retryPeriodSeconds: 1 };

/**
 * A real node's kubelet waits 1 s, then 2 s, then 4 s at most before restarting a crashed
 * container or pulling an image again, and computes its node status every 2 s; a kubelet that
 * exited is started again after 2 s (Kubernetes: 10 s doubling to 300 s, 10 s, and 10 s).
 */
export const TestKubelet = {
  backoffInitialSeconds: 1,
  backoffMaxSeconds: 4,
  nodeStatusUpdateSeconds: 2,
  restartSeconds: 2,
};

export const TestClusterOptions: ClusterOptions = {
  etcdCompactionIntervalSeconds: TestCompactionIntervalSeconds,
  ...TestNodeLifecycle,
  ...TestPodGc,
  leaderElection: TestLeaderElection,
  kubelet: TestKubelet,
};
