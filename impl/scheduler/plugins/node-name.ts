// NodeName: a pod that names its node may only go there.
//
// "If spec.nodeName is set, the pod runs on that node." A pod created with spec.nodeName never
// reaches the scheduler (the kubelet of that node just runs it), so this Filter matters when the
// framework is used to ask "could this pod run there?", as DaemonSet and cluster-autoscaler
// simulations do. PreFilter answers Skip for a pod with no nodeName, so the Filter does not run.
//
// kubelab simplifies: no PreFilterResult narrowing the search to the named node, so every node
// is visited and the others are rejected one by one. Real Kubernetes:
// pkg/scheduler/framework/plugins/nodename/node_name.go.

import type { Pod } from '../../client/types.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type { CycleState, FilterPlugin, NodeInfo, PreFilterPlugin, Status } from '../framework/types.js';

export const NodeNameName = 'NodeName';
/** The Filter's reason (ErrReason). */
export const ErrReasonNodeName = "node(s) didn't match the requested node name";

export class NodeName implements PreFilterPlugin, FilterPlugin {
  readonly name = NodeNameName;

  preFilter(_state: CycleState, pod: Pod): Status {
    return pod.spec.nodeName ? SuccessStatus : newStatus('Skip');
  }

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    return fitsNodeName(pod, nodeInfo) ? SuccessStatus : newStatus('UnschedulableAndUnresolvable', ErrReasonNodeName);
  }
}

export function fitsNodeName(pod: Pod, nodeInfo: NodeInfo): boolean {
  return !pod.spec.nodeName || pod.spec.nodeName === nodeInfo.name;
}
