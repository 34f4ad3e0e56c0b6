// The shape every kubelab component runs in: settings, logger, client, shutdown, leadership.
//
// kube-scheduler, kube-controller-manager, the kubelet and kube-proxy all start alike: read
// their flags, build a client for the API server, start their loops, and stop them on SIGTERM.
// Some run in several replicas of which one acts (leader election). runComponent does all of
// that once, so a component's main.ts only says what is its own: its name, its settings and
// what it runs. The line `<name> started` says the process is up: the cluster launcher waits
// for it.
// Real Kubernetes: k8s.io/component-base (cli, logs) and each component's app.Run, such as
// cmd/kube-scheduler/app/server.go; client-go/tools/leaderelection for the replicas.

import { setMaxListeners } from 'node:events';
import { DefaultLeaderElection, LeaderElector } from './leader-election.js';
import { createLogger, type Logger } from './logger.js';
import { RestClient } from './rest-client.js';
import {
  readSettings,
  SettingsError,
  type SettingsOf,
  type SettingsSpec,
  secondsSetting,
  stringSetting,
} from './settings.js';
import { onStopSignal } from './stop-signal.js';

/** Settings every component has: where the API server is, and how many connections to open. */
const CommonSettings = {
  apiServerUrl: stringSetting('APISERVER_URL', 'http://apiserver:6443', "the API server's URL"),
};

/** Leader-election settings: kube-controller-manager's --leader-elect-* flags. */
const LeaderElectionSettings = {
  leaseDurationMs: secondsSetting(
    'LEADER_ELECT_LEASE_DURATION_SECONDS',
    DefaultLeaderElection.leaseDurationMs / 1000,
    'how long a Lease lasts unrenewed',
  ),
  renewDeadlineMs: secondsSetting(
    'LEADER_ELECT_RENEW_DEADLINE_SECONDS',
    DefaultLeaderElection.renewDeadlineMs / 1000,
    'how long a leader tries to renew before it stops',
  ),
  retryPeriodMs: secondsSetting(
    'LEADER_ELECT_RETRY_PERIOD_SECONDS',
    DefaultLeaderElection.retryPeriodMs / 1000,
    'how often replicas try',
  ),
};

export interface ComponentContext<S extends SettingsSpec> {
  readonly logger: Logger;
  readonly client: RestClient;
  readonly settings: SettingsOf<S>;
  /** Aborts when the component must stop: a stop signal, or (with leader election) leadership lost. */
  readonly signal: AbortSignal;
}

export interface ComponentSpec<S extends SettingsSpec> {
  /** The component's name in its logs (`scheduler` logs "scheduler started"). */
  readonly name: string;
  /** The User-Agent of its requests: the API server's audit log and request log name it. */
  readonly userAgent: string;
  readonly settings: S;
  /** How many connections the client may open to the API server. */
  readonly connections?: number;
  /** Compete for this Lease and run only while holding it, as kube-controller-manager does. */
  readonly leaderElection?: { namespace: string; name: string; identity: () => string };
  /** Called once this replica leads, before run (e.g. to record a LeaderElection event). */
  readonly onStartedLeading?: (context: ComponentContext<S>, identity: string) => Promise<void>;
  /** The component's work; resolves when it has stopped. */
  readonly run: (context: ComponentContext<S>) => Promise<void>;
}

// #region run-component
/** Start a component from its spec; the process exits 1 on a bad setting or lost leadership. */
export async function runComponent<S extends SettingsSpec>(spec: ComponentSpec<S>): Promise<void> {
  const logger = createLogger(spec.name);
  const common = readSettingsOrExit(CommonSettings, logger);
  const settings = readSettingsOrExit(spec.settings, logger);
  const timings = spec.leaderElection ? readSettingsOrExit(LeaderElectionSettings, logger) : undefined;
  const client = new RestClient(common.apiServerUrl, spec.userAgent, spec.connections ?? 32);
  const stopped = new AbortController();
  // Every informer and every worker listens for the abort: more than Node's default of 10.
  setMaxListeners(1000, stopped.signal);
  onStopSignal((signal) => {
    logger.info('shutting down', { signal });
    stopped.abort();
    void client.close();
  });
  const context: ComponentContext<S> = { logger, client, settings, signal: stopped.signal };
  logger.info(`${spec.name} started`);
  if (!spec.leaderElection || !timings) return spec.run(context);

  const { namespace, name, identity } = spec.leaderElection;
  const config = { namespace, name, identity: identity(), ...timings };
  await new LeaderElector(client, config, logger).run(stopped.signal, async (leading) => {
    setMaxListeners(1000, leading);
    const leadingContext = { ...context, signal: leading };
    await spec.onStartedLeading?.(leadingContext, config.identity);
    await spec.run(leadingContext);
  });
  if (stopped.signal.aborted) return;
  // Lost the Lease without being asked to stop: another replica may lead already, so stop
  // acting at once and exit ("leaderelection lost"); the launcher starts a fresh replica.
  logger.error('leaderelection lost', { identity: config.identity });
  process.exit(1);
}
// #endregion run-component

/** The settings, or, when one is bad, a line per bad value in the log and exit code 1. */
export function readSettingsOrExit<S extends SettingsSpec>(spec: S, logger: Logger): SettingsOf<S> {
  try {
    return readSettings(spec);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const line of error.message.split('\n')) logger.error(line);
    process.exit(1);
  }
}
