// The status a kubelet writes for a pod: phase, conditions, addresses and container states.
//
// "A pod is Ready when all its containers are ready." The conditions say where a pod is on its
// way: PodReadyToStartContainers (its sandbox and network exist), Initialized (its init
// containers completed), ContainersReady and Ready (every container runs and passes its
// readiness probe). A condition's lastTransitionTime moves only when its status changes.
// Real Kubernetes: pkg/kubelet/status/generate.go (GeneratePodReadyCondition,
// GeneratePodInitializedCondition, ...), pkg/kubelet/kubelet_pods.go (generateAPIPodStatus).
import type { JsonObject, KubeObject } from '../../client/types.js';
import type { ContainerView } from './container-view.js';
import { type PodPhase, podPhase, type RestartPolicy } from './pod-phase.js';

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

export interface ObservedPod {
  readonly sandboxReady: boolean;
  readonly podIp?: string;
  readonly hostIp: string;
  readonly startTime: string;
  readonly initContainers: readonly ContainerView[];
  readonly containers: readonly ContainerView[];
  /** Its containers were stopped for good (the pod is being deleted): no restart will come. */
  readonly terminal?: boolean;
}

export function podStatus(pod: KubeObject, observed: ObservedPod, now: string): JsonObject {
  const restartPolicy = String(pod.spec?.restartPolicy ?? 'Always') as RestartPolicy;
  const incompleteInit = observed.initContainers
    .filter((container) => container.state.terminated?.exitCode !== 0)
    .map((container) => container.name);
  // A pod stopped for good is judged as if it never restarted: Succeeded or Failed.
  const policy = observed.terminal ? 'Never' : restartPolicy;
  const phase = podPhase(policy, observed.initContainers, observed.containers);
  const previous = (pod.status?.conditions ?? []) as unknown as Condition[];
  const condition = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
    const before = previous.find((candidate) => candidate.type === type);
    const status = ok ? 'True' : 'False';
    const lastTransitionTime = before?.status === status ? before.lastTransitionTime : now;
    return { type, status, ...(ok ? {} : { reason, message }), lastProbeTime: null, lastTransitionTime };
  };
  const unready = observed.containers.filter((container) => !container.ready).map((container) => container.name);
  const [readyReason, readyMessage] = notReadyReason(phase, unready);
  const scheduled = previous.find((candidate) => candidate.type === 'PodScheduled');
  return {
    phase,
    conditions: [
      condition('PodReadyToStartContainers', observed.sandboxReady),
      condition(
        'Initialized',
        incompleteInit.length === 0,
        'ContainersNotInitialized',
        `containers with incomplete status: [${incompleteInit.join(' ')}]`,
      ),
      condition('Ready', unready.length === 0, readyReason, readyMessage),
      condition('ContainersReady', unready.length === 0, readyReason, readyMessage),
      ...(scheduled ? [scheduled] : [condition('PodScheduled', true)]),
    ],
    hostIP: observed.hostIp,
    hostIPs: [{ ip: observed.hostIp }],
    ...(observed.podIp ? { podIP: observed.podIp, podIPs: [{ ip: observed.podIp }] } : {}),
    startTime: observed.startTime,
    ...(observed.initContainers.length > 0 ? { initContainerStatuses: observed.initContainers } : {}),
    containerStatuses: observed.containers,
    qosClass: String(pod.status?.qosClass ?? 'BestEffort'),
  } as unknown as JsonObject;
}

/** A finished pod is not ready because it completed; a running one because of its containers. */
function notReadyReason(phase: PodPhase, unready: readonly string[]): [string, string] {
  if (phase === 'Succeeded' || phase === 'Failed') return ['PodCompleted', ''];
  return ['ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`];
}
