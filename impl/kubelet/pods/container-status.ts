// What `status.containerStatuses[]` says of one container, from the runtime's attempts at it.
//
// "state is the container's latest attempt: waiting, running or terminated; lastState is the
// attempt before it; restartCount counts the restarts." A container waiting out its
// CrashLoopBackOff shows that reason as its state, and the attempt that crashed as its
// lastState. It is started once its startup probe passed, and ready once its readiness probe
// passed too. Real Kubernetes: pkg/kubelet/kubelet_pods.go (convertToAPIContainerStatuses).
import type { ContainerStatus } from '../cri/runtime-service.js';
import { findImage } from '../images/catalogue.js';
import type { ContainerState, ContainerView } from './container-view.js';
import { timestamp } from './pod-fields.js';

/** Why a container is not running yet, shown as its waiting state. */
export interface Waiting {
  reason: string;
  message?: string;
}

export interface ContainerAttempts {
  name: string;
  image: string;
  /** The runtime's containers of this name, the newest attempt first. */
  attempts: readonly ContainerStatus[];
  waiting?: Waiting;
  /** Whether the pod has init containers: its containers wait for them (PodInitializing). */
  initializing: boolean;
  /** What the latest attempt's probes said: false only after a failure. */
  startupPassed: boolean;
  readinessPassed: boolean;
}

export function containerStatusOf(container: ContainerAttempts): ContainerView {
  const { name, image, attempts, waiting } = container;
  const [latest, previous] = attempts;
  const base = { name, image, imageID: findImage(image)?.id ?? '', ready: false, started: false };
  if (!latest) {
    const state = { waiting: waiting ?? { reason: container.initializing ? 'PodInitializing' : 'ContainerCreating' } };
    return { ...base, state, lastState: {}, restartCount: 0 };
  }
  const restarting = latest.state === 'CONTAINER_EXITED' && waiting?.reason === 'CrashLoopBackOff';
  const state: ContainerState = restarting ? { waiting } : stateOf(latest);
  const lastState = restarting ? stateOf(latest) : previous ? stateOf(previous) : {};
  const running = latest.state === 'CONTAINER_RUNNING';
  const started = running && container.startupPassed;
  return {
    ...base,
    containerID: `kubelab://${latest.id}`,
    state,
    lastState,
    ready: started && container.readinessPassed,
    started,
    restartCount: latest.attempt,
  };
}

/** One attempt as a container state. */
export function stateOf(container: ContainerStatus): ContainerState {
  if (container.state === 'CONTAINER_RUNNING') return { running: { startedAt: timestamp(container.startedAt) } };
  if (container.state === 'CONTAINER_CREATED') return { waiting: { reason: 'ContainerCreating' } };
  return {
    terminated: {
      exitCode: container.exitCode ?? 0,
      reason: container.reason ?? 'Error',
      startedAt: timestamp(container.startedAt),
      finishedAt: timestamp(container.finishedAt),
      containerID: `kubelab://${container.id}`,
    },
  };
}
