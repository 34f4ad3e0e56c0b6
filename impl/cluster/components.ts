// The component table: every process of a kubelab cluster, one row each.
//
// kubeadm knows the control plane as a list of static pod manifests; kubelab knows it as this
// table. The launcher (cluster.ts), the step hooks, the exercise watch mode and the benchmarks
// all read it, so adding a component is its folder under impl/ (a main.ts over the component
// runtime, impl/client/component.ts) and one row here: it then starts with the cluster, its
// log is collected, and scenarios can kill and restart it.
// Real Kubernetes: kubeadm's control-plane phase (cmd/kubeadm/app/phases/controlplane).

import path from 'node:path';
import type { LaunchOptions } from './cluster-options.js';

export interface ComponentRow {
  /** Its container is `<cluster>-<name>` (then `-2`, `-3` for more replicas). */
  readonly name: string;
  /**
   * The folder under impl/ whose compiled main.js runs, for a client of the API server; or
   * one of the two parts every other component needs, which have containers of their own.
   */
  readonly entry: string | { readonly builtIn: 'etcd' | 'apiserver' };
  /**
   * The folders of impl/ whose code its process runs, besides impl/client which every client
   * runs: what must restart after that code changes (the exercise watch mode asks).
   */
  readonly code: readonly string[];
  /** The line its process logs once it is up; the launcher waits for it. */
  readonly readyLine: string;
  /** How many run; more than one compete for a Lease (leader election). */
  readonly replicas: number;
  /** Once in the control plane, or once on every node (the kubelet, kube-proxy: later lessons). */
  readonly placement: 'control-plane' | 'node';
  /** Whether a scenario or the watch mode may kill it and start it again. */
  readonly restartable: boolean;
  /** Its environment from the cluster's options; undefined values leave the component's defaults. */
  settings(options: LaunchOptions): Record<string, string | number | boolean | undefined>;
}

// #region component-table
export const ComponentTable: readonly ComponentRow[] = [
  {
    name: 'etcd',
    entry: { builtIn: 'etcd' },
    code: [],
    readyLine: 'ready to serve client requests',
    replicas: 1,
    placement: 'control-plane',
    // Its data lives on a tmpfs: a restart would lose the cluster.
    restartable: false,
    settings: () => ({}),
  },
  {
    name: 'apiserver',
    entry: { builtIn: 'apiserver' },
    code: ['apiserver', 'store'],
    readyLine: 'apiserver listening',
    replicas: 1,
    placement: 'control-plane',
    restartable: true,
    settings: (options) => ({
      ETCD_COMPACTION_INTERVAL_SECONDS: options.etcdCompactionIntervalSeconds,
      APISERVER_LOG_ALL_REQUESTS: options.logAllRequests,
      APISERVER_AUDIT_LOG: options.auditLogPath,
      DEFAULT_NOT_READY_TOLERATION_SECONDS: options.defaultTolerationSeconds,
      DEFAULT_UNREACHABLE_TOLERATION_SECONDS: options.defaultTolerationSeconds,
    }),
  },
  {
    name: 'scheduler',
    entry: 'scheduler',
    code: ['scheduler'],
    readyLine: 'scheduler started',
    replicas: 1,
    placement: 'control-plane',
    restartable: true,
    settings: () => ({}),
  },
  {
    name: 'controller-manager',
    entry: 'controllers',
    code: ['controllers'],
    readyLine: 'controller-manager started',
    replicas: 2,
    placement: 'control-plane',
    restartable: true,
    settings: (options) => ({
      NODE_MONITOR_GRACE_PERIOD_SECONDS: options.nodeMonitorGracePeriodSeconds,
      POD_GC_CHECK_PERIOD_SECONDS: options.podGcCheckPeriodSeconds,
      POD_GC_QUARANTINE_SECONDS: options.podGcQuarantineSeconds,
      LEADER_ELECT_LEASE_DURATION_SECONDS: options.leaderElection?.leaseDurationSeconds,
      LEADER_ELECT_RENEW_DEADLINE_SECONDS: options.leaderElection?.renewDeadlineSeconds,
      LEADER_ELECT_RETRY_PERIOD_SECONDS: options.leaderElection?.retryPeriodSeconds,
      CONTROLLERS: options.controllers,
    }),
  },
  {
    // Plays the kubelet of every node annotated as simulated (kwok-style): one for the cluster.
    name: 'node-agent',
    entry: 'kubelet/simulated',
    code: ['kubelet/simulated', 'kubelet/node'],
    readyLine: 'node-agent started',
    replicas: 1,
    placement: 'control-plane',
    restartable: true,
    settings: (options) => ({ LEASE_RENEW_INTERVAL_SECONDS: options.nodeLeaseRenewIntervalSeconds }),
  },
];
// #endregion component-table

/** A running copy of a row: `scheduler`, or `controller-manager-2` for the second replica. */
export interface ComponentInstance {
  readonly name: string;
  readonly row: ComponentRow;
}

export function instancesOf(row: ComponentRow): ComponentInstance[] {
  return Array.from({ length: row.replicas }, (_, index) => ({
    name: index === 0 ? row.name : `${row.name}-${index + 1}`,
    row,
  }));
}

/** Every component instance of a cluster, in start order. */
export const ComponentInstances: readonly ComponentInstance[] = ComponentTable.flatMap(instancesOf);

/** Every instance's name, in start order: what logs, kill and start take. */
export const ComponentNames: readonly string[] = ComponentInstances.map((instance) => instance.name);

export function instanceNamed(name: string): ComponentInstance {
  const instance = ComponentInstances.find((candidate) => candidate.name === name);
  if (!instance) throw new Error(`there is no component "${name}"; the components are ${ComponentNames.join(', ')}`);
  return instance;
}

/** The rows whose process runs `file` (a path from the project root): what must restart after it changes. */
export function componentsRunning(file: string): ComponentRow[] {
  const folder = path.posix.normalize(file).split('/').slice(1, -1).join('/');
  return ComponentTable.filter(
    (row) =>
      row.code.length > 0 &&
      (folder === 'client' || row.code.some((code) => folder === code || folder.startsWith(`${code}/`))),
  );
}

/** Environment variables for the settings that have a value. */
export function environmentOf(row: ComponentRow, options: LaunchOptions): Record<string, string> {
  const entries = Object.entries(row.settings(options)).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)]],
  );
  return Object.fromEntries(entries);
}
