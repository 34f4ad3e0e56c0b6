// What a cluster can be asked for when it starts: its name, and the timings tests shorten.
// Each option that a component reads reaches it as an environment variable (components.ts).

import type { Logger } from '../client/logger.js';

export interface ClusterOptions {
  /** Names the containers (`<name>-etcd`), the network and the kubeconfig folder. */
  name?: string;
  /** Stop the cluster on SIGINT/SIGTERM, then exit 130/143. Pass false to handle signals yourself. */
  handleSignals?: boolean;
  /** How often the API server compacts etcd (its --etcd-compaction-interval); its own default if unset. */
  etcdCompactionIntervalSeconds?: number;
  /** Log every API request (the default), or only writes and failures (for benchmarks). */
  logAllRequests?: boolean;
  /** Write the API server's audit log (the default); benchmarks turn it off. */
  auditLog?: boolean;
  /** Where progress lines go (leftovers removed, image built); a `cluster` logger on stderr by default. */
  logger?: Logger;
  /**
   * Node lifecycle timings, shortened in tests: how long a node may go without a heartbeat
   * (the controller manager's --node-monitor-grace-period, 50 s), how often the node agent
   * renews its Leases (the kubelet's 10 s), and how long pods tolerate a dead node by default
   * (the API server's DefaultTolerationSeconds, 300 s).
   */
  nodeMonitorGracePeriodSeconds?: number;
  nodeLeaseRenewIntervalSeconds?: number;
  defaultTolerationSeconds?: number;
  /**
   * Pod garbage collection timings, shortened in tests: how often the pod garbage collector
   * checks (20 s) and how long a node must be missing before its pods go (40 s).
   */
  podGcCheckPeriodSeconds?: number;
  podGcQuarantineSeconds?: number;
  /**
   * The controller managers' leader election, shortened in tests: how long a Lease lasts
   * unrenewed (15 s), how long a leader keeps trying to renew before it stops (10 s), and how
   * often replicas try (2 s).
   */
  leaderElection?: { leaseDurationSeconds: number; renewDeadlineSeconds: number; retryPeriodSeconds: number };
  /**
   * The real nodes' kubelets, shortened in tests: the first and the longest back-off before a
   * crashed container restarts or a failed image pull is tried again (10 s and 300 s), how
   * often the node status is computed (10 s), and how long the node's init waits before it
   * starts a kubelet that exited again (systemd's RestartSec, 10 s in kubelet.service).
   */
  kubelet?: {
    backoffInitialSeconds?: number;
    backoffMaxSeconds?: number;
    nodeStatusUpdateSeconds?: number;
    restartSeconds?: number;
  };
  /** Which controllers the controller managers run, as kube-controller-manager's --controllers ('*' by default). */
  controllers?: string;
}

/** The options as the launcher passes them to the table: with the audit log's path resolved. */
export type LaunchOptions = ClusterOptions & { auditLogPath?: string };
