// A pod's startup, stage by stage: what the startup latency benchmark splits it into.
//
// "Pod startup latency: from the pod's creation to all its containers started, as observed
// through a watch" (the Kubernetes SLO). The kubelet notes when it first saw the pod and when
// the sandbox was ready; once a status it wrote shows every container running, it reports the
// stages once and forgets them.
import type { JsonObject, KubeObject } from '../../client/types.js';
import type { ContainerView } from './container-view.js';

/** When (ms since the epoch) a pod's start went through each stage: the startup latency's parts. */
export interface StartupStages {
  seen: number;
  sandboxReady: number;
  containersStarted: number;
  reported: number;
}

export class StartupTracker {
  private readonly stages = new Map<string, Partial<StartupStages>>();

  constructor(private readonly onStarted?: (pod: KubeObject, stages: StartupStages) => void) {}

  seen(uid: string, at = Date.now()): void {
    this.stages.set(uid, { seen: at });
  }

  sandboxReady(uid: string, at = Date.now()): void {
    const stages = this.stages.get(uid);
    if (stages) stages.sandboxReady = at;
  }

  /** A status was written: the first that shows every container running ends the startup. */
  statusWritten(pod: KubeObject, status: JsonObject, containersStartedAt: () => number): void {
    const uid = pod.metadata.uid ?? '';
    const stages = this.stages.get(uid);
    const containers = (status.containerStatuses ?? []) as unknown as ContainerView[];
    if (!stages || containers.length === 0 || !containers.every((container) => container.state.running)) return;
    this.stages.delete(uid);
    const started = containersStartedAt();
    const sandboxReady = stages.sandboxReady ?? started;
    this.onStarted?.(pod, {
      seen: stages.seen ?? sandboxReady,
      sandboxReady,
      containersStarted: started,
      reported: Date.now(),
    });
  }

  forget(uid: string): void {
    this.stages.delete(uid);
  }
}
