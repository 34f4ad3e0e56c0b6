// NodePorts: two pods cannot bind the same host port on one node.
//
// "A hostPort binds a port of the node itself, so the scheduler only places the pod on a node
// where that port (protocol and address) is free." PreFilter collects the pod's host ports
// (Skip when it has none, the common case); the Filter checks each against the node's used
// ports, where 0.0.0.0 collides with every address. The rejection is Unschedulable: evicting
// the pod that holds the port would free it.
//
// kubelab simplifies: ports of sidecar init containers are not counted. Real Kubernetes:
// pkg/scheduler/framework/plugins/nodeports/node_ports.go and framework/types.go
// (HostPortInfo.CheckConflict).

import type { Pod } from '../../client/types.js';
import { hasPortConflict, hostPortKeys } from '../framework/node-info.js';
import { newStatus, SuccessStatus } from '../framework/status.js';
import type { CycleState, FilterPlugin, NodeInfo, PreFilterPlugin, Status } from '../framework/types.js';

export const NodePortsName = 'NodePorts';
/** The Filter's reason (ErrReason). */
export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";
const PreFilterStateKey = `PreFilter${NodePortsName}`;

export class NodePorts implements PreFilterPlugin, FilterPlugin {
  readonly name = NodePortsName;

  preFilter(state: CycleState, pod: Pod): Status {
    const wanted = hostPortKeys(pod);
    if (wanted.length === 0) return newStatus('Skip');
    state.set(PreFilterStateKey, wanted);
    return SuccessStatus;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const wanted = (state.get(PreFilterStateKey) as string[] | undefined) ?? hostPortKeys(pod);
    return fitsPorts(wanted, nodeInfo) ? SuccessStatus : newStatus('Unschedulable', ErrReasonNodePorts);
  }
}

export function fitsPorts(wanted: readonly string[], nodeInfo: NodeInfo): boolean {
  return wanted.every((key) => !hasPortConflict(nodeInfo.usedPorts, key));
}
