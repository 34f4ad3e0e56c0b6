// The FailedScheduling message: "0/3 nodes are available: 1 Insufficient cpu, 2 ...".
//
// "When no node fits, the scheduler records why on the pod: an event FailedScheduling and the
// PodScheduled condition, both saying how many nodes failed for each reason." The message is
// `0/<all nodes> nodes are available:` then either the PreFilter message, or the histogram of
// every node's reasons, each "<count> <reason>", sorted as plain strings and joined by ", ",
// ending with "."; then, after a space, the PostFilter (preemption) message as it is.
//
// This is the Kubernetes 1.32 form (FitError.Error(), unchanged since 1.30 dropped a doubled
// period). Real Kubernetes: pkg/scheduler/framework/types.go (FitError, NoNodeAvailableMsg) and
// pkg/scheduler/schedule_one.go (truncateMessage, ErrNoNodesAvailable).

import type { Status } from './framework/types.js';

/** The error when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const NoNodesAvailableMessage = 'no nodes available to schedule pods';
/** Longest event note; a longer message is cut and ends in " ..." (validation.NoteLengthLimit). */
export const NoteLengthLimit = 1024;

export interface FitError {
  numAllNodes: number;
  /** The status of every node the filters turned down. */
  nodeStatuses: Iterable<Status>;
  /** Set when a PreFilter plugin turned the pod down for every node. */
  preFilterMessage?: string;
  /** The PostFilter plugins' message, `preemption: ...`. */
  postFilterMessage?: string;
}

/** `0/N nodes are available` (NoNodeAvailableMsg). */
export function noNodeAvailable(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available`;
}

// #region fit-error-message
/** FitError.Error(): the reasons counted over nodes, sorted, joined; then the PostFilter message. */
export function fitErrorMessage(error: FitError): string {
  let message = `${noNodeAvailable(error.numAllNodes)}:`;
  if (error.preFilterMessage) {
    message += ` ${error.preFilterMessage}.`;
  } else {
    const counts = new Map<string, number>();
    for (const status of error.nodeStatuses) {
      for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    // Go's sort.Strings compares bytes; for these ASCII reasons that is JavaScript's default order.
    const histogram = [...counts].map(([reason, count]) => `${count} ${reason}`).sort();
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  }
  if (error.postFilterMessage) message += ` ${error.postFilterMessage}`;
  return message;
}
// #endregion fit-error-message

/** Cuts a message to the event note limit, as the scheduler does before recording it. */
export function truncateMessage(message: string): string {
  const suffix = ' ...';
  return message.length <= NoteLengthLimit ? message : message.slice(0, NoteLengthLimit - suffix.length) + suffix;
}
