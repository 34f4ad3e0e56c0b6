// What a healthy node reports: the status a simulated node agent writes for its nodes.
//
// "Each node's kubelet reports the node's capacity, allocatable resources and conditions; the
// scheduler trusts them." A simulated node has no machine behind it, so its capacity is what
// the Node object declares (or a default), and its Ready condition is always True while the
// agent runs, exactly what a real kubelet would post for an idle, healthy machine.
//
// kubelab simplifies: no pressure detection, allocatable equals capacity. Real Kubernetes:
// pkg/kubelet/nodestatus/setters.go (MachineInfo, ReadyCondition); kwok's node status
// templates play the same part for fake nodes.

import { SimulatedNodeAnnotation } from '../../client/kubelab-annotations.js';
import type { JsonObject, KubeObject } from '../../client/types.js';

/** Nodes carrying this annotation are kept Ready by the simulated agent (kwok: kwok.x-k8s.io/node). */
export const KubeletVersion = 'v1.32.0-kubelab';
export const ReadyReason = 'KubeletReady';
export const ReadyMessage = 'kubelet is posting ready status';

const defaultCapacity = { cpu: '4', memory: '8Gi', pods: '110' };

export function isSimulated(node: KubeObject): boolean {
  return node.metadata.annotations?.[SimulatedNodeAnnotation] === 'true';
}

// #region desired-node-status
/** The status a healthy kubelet posts; `now` stamps the condition's heartbeat. */
export function desiredNodeStatus(node: KubeObject, now: string): JsonObject {
  const declared = (node.status?.capacity ?? {}) as Record<string, string>;
  const capacity = { ...defaultCapacity, ...declared };
  const previousReady = conditions(node).find((condition) => condition.type === 'Ready');
  const wasReady = previousReady?.status === 'True';
  const condition = (type: string, status: string, reason: string, message: string): JsonObject => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: type === 'Ready' && wasReady ? String(previousReady?.lastTransitionTime ?? now) : now,
    reason,
    message,
  });
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      condition('Ready', 'True', ReadyReason, ReadyMessage),
    ],
    addresses: [{ type: 'Hostname', address: node.metadata.name ?? '' }],
    nodeInfo: {
      kubeletVersion: KubeletVersion,
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'simulated://1.0',
    },
  };
}
// #endregion desired-node-status

/** Whether the reported status already says what the agent would say (heartbeats aside). */
export function isStatusCurrent(node: KubeObject, desired: JsonObject): boolean {
  const strip = (status: JsonObject | undefined) =>
    JSON.stringify({
      ...status,
      conditions: conditionsOf(status).map(({ lastHeartbeatTime: _h, lastTransitionTime: _t, ...rest }) => rest),
    });
  return strip(node.status) === strip(desired);
}

function conditions(node: KubeObject): Array<Record<string, unknown>> {
  return conditionsOf(node.status);
}

function conditionsOf(status: JsonObject | undefined): Array<Record<string, unknown>> {
  const list = status?.conditions;
  return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
}
