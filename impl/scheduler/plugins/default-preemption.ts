// DefaultPreemption, as far as kubelab goes: the "preemption:" part of FailedScheduling.
//
// "If a pod cannot be scheduled, the scheduler tries to preempt (evict) lower-priority pods to
// make scheduling of the pending pod possible." Kubernetes runs this PostFilter after every
// failed attempt and appends what it found to the FailedScheduling message: a node rejected as
// UnschedulableAndUnresolvable is one where `Preemption is not helpful for scheduling`; on any
// other node it looks for lower-priority victims.
//
// kubelab never evicts: it has no PriorityClasses, so no pod outranks another and every other
// node is reported as `No preemption victims found for incoming pod`, which is what Kubernetes
// says when all pods share one priority. Real Kubernetes: pkg/scheduler/framework/plugins/
// defaultpreemption/default_preemption.go and pkg/scheduler/framework/preemption/preemption.go.

import type { Pod } from '../../client/types.js';
import { newStatus } from '../framework/status.js';
import type { CycleState, PostFilterPlugin, Status } from '../framework/types.js';
import { fitErrorMessage } from '../fit-error.js';

export const DefaultPreemptionName = 'DefaultPreemption';
export const ReasonPreemptionNotHelpful = 'Preemption is not helpful for scheduling';
export const ReasonNoPreemptionVictims = 'No preemption victims found for incoming pod';
export const ReasonPreemptionPolicyNever = 'not eligible due to preemptionPolicy=Never.';
/** DefaultPreemption's prefix on its message in FailedScheduling. */
export const PreemptionMessagePrefix = 'preemption: ';

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = DefaultPreemptionName;

  postFilter(_state: CycleState, pod: Pod, numAllNodes: number, nodeStatuses: ReadonlyMap<string, Status>): Status {
    if (pod.spec.preemptionPolicy === 'Never')
      return newStatus('Unschedulable', PreemptionMessagePrefix + ReasonPreemptionPolicyNever);
    const outcomes: Status[] = [];
    for (const status of nodeStatuses.values()) {
      const reason =
        status.code === 'UnschedulableAndUnresolvable' ? ReasonPreemptionNotHelpful : ReasonNoPreemptionVictims;
      outcomes.push(newStatus('UnschedulableAndUnresolvable', reason));
    }
    return newStatus(
      'Unschedulable',
      PreemptionMessagePrefix + fitErrorMessage({ numAllNodes, nodeStatuses: outcomes }),
    );
  }
}
