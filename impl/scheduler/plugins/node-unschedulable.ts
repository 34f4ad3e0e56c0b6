// NodeUnschedulable: a cordoned node takes no new pods.
//
// "`kubectl cordon` marks a node unschedulable: the scheduler places no new pods on it, while
// the pods already there keep running." The Filter rejects a node whose spec.unschedulable is
// true, unless the pod tolerates the `node.kubernetes.io/unschedulable:NoSchedule` taint (as
// DaemonSet pods do); the node lifecycle controller also adds that taint, so either spelling
// of "cordoned" is understood.
//
// Real Kubernetes: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.

import type { Pod } from '../../client/types.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type { CycleState, FilterPlugin, NodeInfo, Status } from '../framework/types.js';
import { tolerationsTolerateTaint } from './taint-toleration.js';

export const NodeUnschedulableName = 'NodeUnschedulable';
/** The Filter's reason (ErrReasonUnschedulable). */
export const ErrReasonUnschedulable = 'node(s) were unschedulable';
/** The taint a cordoned node carries, and that a pod must tolerate to land on one anyway. */
export const TaintNodeUnschedulable = 'node.kubernetes.io/unschedulable';

export class NodeUnschedulable implements FilterPlugin {
  readonly name = NodeUnschedulableName;

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    if (!nodeInfo.node.spec?.unschedulable) return SuccessStatus;
    const isTolerated = tolerationsTolerateTaint(pod.spec.tolerations ?? [], {
      key: TaintNodeUnschedulable,
      effect: 'NoSchedule',
    });
    return isTolerated ? SuccessStatus : newStatus('UnschedulableAndUnresolvable', ErrReasonUnschedulable);
  }
}
