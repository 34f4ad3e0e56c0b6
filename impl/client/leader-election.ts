// Leader election: of several replicas of a component, one acts and the others wait.
//
// "Only one controller manager acts at a time; if it dies, another takes over." The replicas
// compete for one Lease object through the API server. The holder renews `renewTime` every
// retry period; a candidate takes the Lease only when it has seen no renewal for a whole lease
// duration, timed on its own clock (client-go's observedTime), and the compare-and-swap of an
// ordinary update (a stale resourceVersion is a Conflict) makes sure two candidates cannot both
// win. A leader that cannot renew within its renew deadline stops acting, before anyone else may
// take over.
//
// Real Kubernetes: client-go/tools/leaderelection (leaderelection.go, resourcelock/leaselock.go);
// defaults leaseDuration 15 s, renewDeadline 10 s, retryPeriod 2 s.

import { isAlreadyExists, isConflict, isNotFound } from './api-errors.js';
import type { Logger } from './logger.js';
import type { RestClient } from './rest-client.js';
import type { KubeObject } from './types.js';
import { sleep } from './sleep.js';

export interface LeaderElectionConfig {
  namespace: string;
  name: string;
  identity: string;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

export const DefaultLeaderElection = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

// #region may-acquire
/**
 * Whether `identity` may take or keep the lease, from what the Lease says and when this replica
 * last saw it change (`observedAt`, on its own clock). A candidate never compares the Lease's
 * renewTime with its own clock: the holder's clock may be ahead or behind, and a renewTime is
 * written when the holder started its renewal, not when the renewal arrived. It takes the Lease
 * only once it has watched it stay unchanged for a whole lease duration.
 */
export function mayAcquire(spec: LeaseSpec | undefined, identity: string, observedAt: number, now: number): boolean {
  if (!spec?.holderIdentity || spec.holderIdentity === identity) return true;
  return now - observedAt >= (spec.leaseDurationSeconds ?? 15) * 1000;
}
// #endregion may-acquire

export class LeaderElector {
  /** The Lease's spec as this replica last saw it, and when it saw it change (its own clock). */
  private observedRecord: string | undefined;
  private observedAt = 0;

  constructor(
    private readonly client: RestClient,
    private readonly config: LeaderElectionConfig,
    private readonly logger: Logger,
    private readonly now = () => Date.now(),
  ) {}

  /**
   * Waits to become leader, then runs `lead` with a signal that aborts when leadership is lost
   * (or `signal` aborts). Resolves when leading ends.
   */
  async run(signal: AbortSignal, lead: (leading: AbortSignal) => Promise<void>): Promise<void> {
    while (!signal.aborted && !(await this.tryAcquireOrRenew())) await sleep(this.config.retryPeriodMs, signal);
    if (signal.aborted) return;
    this.logger.info('became leader', {
      lease: `${this.config.namespace}/${this.config.name}`,
      identity: this.config.identity,
    });
    const leading = new AbortController();
    signal.addEventListener('abort', () => leading.abort(), { once: true });
    const renewing = this.keepRenewing(leading);
    await Promise.race([lead(leading.signal), renewing]);
    leading.abort();
  }

  /** Renews every retry period; gives up leadership if no renewal succeeds within the renew deadline. */
  private async keepRenewing(leading: AbortController): Promise<void> {
    let lastRenewal = this.now();
    while (!leading.signal.aborted) {
      await sleep(this.config.retryPeriodMs, leading.signal);
      if (leading.signal.aborted) return;
      if (await this.tryAcquireOrRenew()) lastRenewal = this.now();
      else if (this.now() - lastRenewal > this.config.renewDeadlineMs) {
        this.logger.error('lost leadership: could not renew the lease in time', { identity: this.config.identity });
        leading.abort();
      }
    }
  }

  // #region try-acquire-or-renew
  private async tryAcquireOrRenew(): Promise<boolean> {
    const ref = {
      group: 'coordination.k8s.io',
      resource: 'leases',
      namespace: this.config.namespace,
      name: this.config.name,
    };
    const nowTime = microTime(this.now());
    try {
      const lease = await this.client.get(ref).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      const spec = lease?.spec as LeaseSpec | undefined;
      this.observe(spec);
      if (!mayAcquire(spec, this.config.identity, this.observedAt, this.now())) return false;
      const isNewHolder = spec?.holderIdentity !== this.config.identity;
      const next: LeaseSpec = {
        holderIdentity: this.config.identity,
        leaseDurationSeconds: Math.round(this.config.leaseDurationMs / 1000),
        acquireTime: isNewHolder ? nowTime : spec?.acquireTime,
        renewTime: nowTime,
        leaseTransitions: (spec?.leaseTransitions ?? 0) + (isNewHolder && spec?.holderIdentity ? 1 : 0),
      };
      if (!lease) {
        await this.client.create({ ...ref, name: undefined }, {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: this.config.name },
          spec: next,
        } as KubeObject);
      } else {
        // The resourceVersion we read makes this a compare-and-swap: a rival's write wins, ours is a Conflict.
        await this.client.update(ref, { ...lease, spec: { ...lease.spec, ...next } as KubeObject['spec'] });
      }
      this.observe(next);
      return true;
    } catch (error) {
      if (!(isConflict(error) || isAlreadyExists(error) || isNotFound(error)))
        this.logger.error('leader election request failed', { error });
      return false;
    }
  }
  // #endregion try-acquire-or-renew

  /** Notes, on this replica's clock, when the Lease changed: every renewal changes its renewTime. */
  private observe(spec: LeaseSpec | undefined): void {
    const record = JSON.stringify(spec ?? null);
    if (record === this.observedRecord) return;
    this.observedRecord = record;
    this.observedAt = this.now();
  }
}

function microTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}
