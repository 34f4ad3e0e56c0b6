// The status a kubelet posts for its node: capacity, conditions, addresses, what it runs.
//
// "The kubelet posts node status: Ready when the runtime and the pod network work." A kubelet
// whose node has no podCIDR yet cannot give a pod an address, so it reports Ready=False with
// the runtime's reason, as a real one does before its CNI plugin is configured; the node
// lifecycle controller then keeps the not-ready taint on the node, and the scheduler keeps pods
// off it. Allocatable is capacity less the memory the kubelet keeps for itself (its eviction
// threshold, 100Mi by default).
// Real Kubernetes: pkg/kubelet/nodestatus/setters.go (MachineInfo, ReadyCondition,
// MemoryPressureCondition, ...); the runtime's "NetworkReady" in CRI's Status call.
import { value } from '../../client/quantity.js';
import { KubeletPort } from '../server.js';
import type { JsonObject } from '../../client/types.js';
import type { Machine } from './machine.js';

export const KubeletVersion = 'v1.32.0-kubelab';
export const RuntimeVersion = 'kubelab-process://0.1.0';
export const MaxPods = '110';
/** evictionHard's memory.available default: kept back from allocatable. */
export const EvictionHardMemory = '100Mi';
export const NetworkNotReadyMessage =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady ' +
  'message:Network plugin returns error: cni plugin not initialized';

export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
};

/** The status to post now; `previous` keeps each condition's lastTransitionTime while it holds. */
export function nodeStatus(machine: Machine, networkReady: boolean, previous: Condition[], now: string): JsonObject {
  const condition = (type: string, status: Condition['status'], reason: string, message: string): Condition => {
    const before = previous.find((candidate) => candidate.type === type);
    const transition = before?.status === status ? before.lastTransitionTime : now;
    return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: transition };
  };
  const capacity = { cpu: machine.cpu, memory: machine.memory, pods: MaxPods };
  const allocatableKi = Math.max(0, Math.floor((value(machine.memory) - value(EvictionHardMemory)) / 1024));
  return {
    capacity,
    allocatable: { ...capacity, memory: `${allocatableKi}Ki` },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      networkReady
        ? condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
        : condition('Ready', 'False', 'KubeletNotReady', NetworkNotReadyMessage),
    ],
    addresses: [
      { type: 'InternalIP', address: machine.internalIp },
      { type: 'Hostname', address: machine.hostname },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KubeletPort } },
    nodeInfo: {
      machineID: machine.machineId,
      systemUUID: machine.machineId,
      bootID: machine.bootId,
      kernelVersion: machine.kernelVersion,
      osImage: 'kubelab node',
      containerRuntimeVersion: RuntimeVersion,
      kubeletVersion: KubeletVersion,
      operatingSystem: 'linux',
      architecture: machine.architecture,
    },
  };
}

/** Whether two statuses say the same, heartbeat times aside: only then may a post wait. */
export function sameStatus(a: JsonObject, b: JsonObject): boolean {
  const strip = (status: JsonObject) =>
    JSON.stringify({
      ...status,
      conditions: ((status.conditions ?? []) as unknown as Condition[]).map(
        ({ lastHeartbeatTime: _heartbeat, ...rest }) => rest,
      ),
    });
  return strip(a) === strip(b);
}
