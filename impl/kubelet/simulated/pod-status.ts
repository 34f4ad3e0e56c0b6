// What a simulated node reports for a pod bound to it: running and ready, at once.
//
// "The kubelet runs the pods bound to its node and reports their status." A simulated node
// has no containers to start, so, as kwok does, it reports every container running and the
// pod Ready as soon as the pod is bound, with a pod IP of its own. Real kubelets come in the
// kubelet lesson; scenarios that need only "the pod became Running and Ready" run on both.
//
// Real Kubernetes: pkg/kubelet/status/generate.go (GeneratePodReadyCondition, ...) and
// pkg/kubelet/kubelet_pods.go (generateAPIPodStatus); kwok's pod status templates.

import { createHash } from 'node:crypto';
import type { JsonObject, KubeObject } from '../../client/types.js';

// #region running-pod-status
export function runningPodStatus(pod: KubeObject, hostIp: string, now: string): JsonObject {
  const containers = Array.isArray(pod.spec?.containers) ? (pod.spec.containers as JsonObject[]) : [];
  const condition = (type: string): JsonObject => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  const podIp = simulatedPodIp(pod);
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: hostIp,
    hostIPs: [{ ip: hostIp }],
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    startTime: now,
    qosClass: String(pod.status?.qosClass ?? 'BestEffort'),
    containerStatuses: containers.map((container) => ({
      name: String(container.name ?? ''),
      image: String(container.image ?? ''),
      imageID: `simulated://${String(container.image ?? '')}`,
      containerID: `simulated://${hash(`${pod.metadata.uid}/${String(container.name)}`).slice(0, 16)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    })),
  };
}
// #endregion running-pod-status

/** A stable address in 10.244.0.0/16 derived from the pod's uid (no CNI behind a simulated node). */
export function simulatedPodIp(pod: KubeObject): string {
  const digest = Buffer.from(hash(pod.metadata.uid ?? pod.metadata.name ?? ''), 'hex');
  return `10.244.${digest[0] ?? 0}.${((digest[1] ?? 0) % 253) + 2}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
