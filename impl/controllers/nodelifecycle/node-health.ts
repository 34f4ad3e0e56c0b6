// Node health: when did this node last show a sign of life, and what to write when it stopped.
//
// "A node whose kubelet stops renewing its Lease, and stops posting status, is marked Unknown
// after the grace period." The controller never trusts the times a kubelet writes (clocks
// drift): it notes on its own clock when it *saw* something new, a Lease renewTime later than
// the last one or a Ready condition with a new lastHeartbeatTime, and calls that the probe
// time. A node older than its grace period since the probe gets every kubelet condition set to
// Unknown, with the reason and message `kubectl describe node` shows.
//
// Real Kubernetes: pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (tryUpdateNodeHealth, nodeHealthData); defaults in config/v1alpha1/defaults.go.

import type { Node, NodeCondition } from '../../client/types.js';

/** --node-monitor-grace-period: 40 s up to Kubernetes 1.31, 50 s from 1.32. */
export const DefaultNodeMonitorGracePeriodSeconds = 50;
/** --node-startup-grace-period: a node that never posted a Ready condition gets this long. */
export const DefaultNodeStartupGracePeriodSeconds = 60;

export const NodeStatusUnknownReason = 'NodeStatusUnknown';
export const NodeStatusUnknownMessage = 'Kubelet stopped posting node status.';
export const NodeStatusNeverUpdatedReason = 'NodeStatusNeverUpdated';
export const NodeStatusNeverUpdatedMessage = 'Kubelet never posted node status.';

/** The conditions a silent node loses (NetworkUnavailable is left alone: the network plugin owns it). */
export const KubeletConditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface NodeHealth {
  /** When, on the controller's clock, the node last showed a sign of life (ms since the epoch). */
  probeTime: number;
  /** The Ready condition's lastHeartbeatTime seen then. */
  readyHeartbeat?: string;
  /** The Lease's renewTime seen then. */
  leaseRenewTime?: string;
}

export interface GracePeriods {
  monitorMs: number;
  startupMs: number;
}

// #region observe-health
/**
 * The node's health after looking at it again: the probe time moves to `now` when the Ready
 * heartbeat changed or the Lease was renewed since the last look. A node seen for the first
 * time counts from now, or from its creation if it never posted a Ready condition.
 */
export function observeHealth(
  previous: NodeHealth | undefined,
  node: Node,
  leaseRenewTime: string | undefined,
  now: number,
): NodeHealth {
  const readyHeartbeat = readyCondition(node)?.lastHeartbeatTime;
  const hasReady = readyCondition(node) !== undefined;
  let probeTime: number;
  if (!previous) probeTime = hasReady ? now : Date.parse(node.metadata.creationTimestamp ?? '') || now;
  else if (hasReady && readyHeartbeat !== previous.readyHeartbeat) probeTime = now;
  else probeTime = previous.probeTime;
  // Always a sign of life: a renewTime later than the last one seen.
  const isRenewed =
    leaseRenewTime !== undefined &&
    (previous?.leaseRenewTime === undefined || leaseRenewTime > previous.leaseRenewTime);
  if (isRenewed) probeTime = now;
  return { probeTime, readyHeartbeat, leaseRenewTime: leaseRenewTime ?? previous?.leaseRenewTime };
}
// #endregion observe-health

/** How long the node may stay silent: the startup grace period until it has posted Ready once. */
export function gracePeriodMs(node: Node, periods: GracePeriods): number {
  return readyCondition(node) ? periods.monitorMs : periods.startupMs;
}

// #region unknown-conditions
/**
 * The conditions to write for a silent node: each kubelet condition becomes Unknown (its
 * heartbeat kept, its transition time now), and one never posted is added as never updated.
 * Conditions already Unknown are left as they are.
 */
export function unknownConditions(node: Node, now: string): NodeCondition[] {
  const conditions = (node.status?.conditions ?? []).map((condition) => ({ ...condition }));
  for (const type of KubeletConditionTypes) {
    const condition = conditions.find((candidate) => candidate.type === type);
    if (!condition) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: NodeStatusNeverUpdatedReason,
        message: NodeStatusNeverUpdatedMessage,
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: now,
      });
    } else if (condition.status !== 'Unknown') {
      Object.assign(condition, {
        status: 'Unknown',
        reason: NodeStatusUnknownReason,
        message: NodeStatusUnknownMessage,
        lastTransitionTime: now,
      });
    }
  }
  return conditions;
}
// #endregion unknown-conditions

export function readyCondition(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((condition) => condition.type === 'Ready');
}
