// Which controller manager may act: the leader-election settings of one replica.
//
// "Several replicas of kube-controller-manager can run; one leads, the others wait, and one of
// them takes over when the leader dies." Every replica competes for the Lease
// kube-system/kube-controller-manager under an identity of its own, `<hostname>_<uuid>` as
// kube-controller-manager writes it, so `kubectl get lease -n kube-system` shows which
// container leads. The timings are kube-controller-manager's flags
// --leader-elect-lease-duration (15 s), --leader-elect-renew-deadline (10 s) and
// --leader-elect-retry-period (2 s); test clusters shorten them.
// Real Kubernetes: cmd/kube-controller-manager/app/controllermanager.go (Run, leaderElectAndRun)
// and client-go/tools/leaderelection.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DefaultLeaderElection, type LeaderElectionConfig } from '../client/leader-election.js';

export const LeaseNamespace = 'kube-system';
export const LeaseName = 'kube-controller-manager';

/** The settings from the environment (LEADER_ELECT_*_SECONDS), Kubernetes' defaults otherwise. */
export function leaderElectionConfig(environment: NodeJS.ProcessEnv): LeaderElectionConfig {
  const seconds = (name: string, fallbackMs: number) => (environment[name] ? Number(environment[name]) * 1000 : fallbackMs);
  return {
    namespace: LeaseNamespace,
    name: LeaseName,
    identity: `${hostname()}_${randomUUID()}`,
    leaseDurationMs: seconds('LEADER_ELECT_LEASE_DURATION_SECONDS', DefaultLeaderElection.leaseDurationMs),
    renewDeadlineMs: seconds('LEADER_ELECT_RENEW_DEADLINE_SECONDS', DefaultLeaderElection.renewDeadlineMs),
    retryPeriodMs: seconds('LEADER_ELECT_RETRY_PERIOD_SECONDS', DefaultLeaderElection.retryPeriodMs),
  };
}
