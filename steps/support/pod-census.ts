// A census of a workload's pods at every moment the API server recorded.
//
// A rollout's promises ("never fewer than 3 available", "never more than 5 pods") hold at every
// moment, not only at the end. The census lists the pods, then watches from that list's
// resourceVersion: each watch event is one change the API server made, in its order, so
// replaying them gives every state a client could ever have observed, and nothing in between.

import assert from 'node:assert/strict';
import type { KubeObject } from '../../impl/client/types.js';
import { isAvailable } from './deployments.js';
import { WatchRecorder } from './watch-recorder.js';
import type { KubeWorld } from './world.js';

/** One moment: pods not being deleted, those available, and the templates of all pods present. */
export interface PodSnapshot {
  resourceVersion: string;
  pods: number;
  available: number;
  templates: string[];
}

export class PodCensus {
  private constructor(
    private readonly initial: KubeObject[],
    private readonly initialVersion: string,
    private readonly recorder: WatchRecorder,
  ) {}

  /** Starts counting the pods `labelSelector` selects in the scenario's namespace. */
  static async start(world: KubeWorld, labelSelector: string): Promise<PodCensus> {
    const list = await world.api.list({ resource: 'pods', namespace: world.namespace }, { labelSelector });
    const version = list.metadata.resourceVersion ?? '';
    const recorder = new WatchRecorder(
      world.api,
      { resource: 'pods', namespace: world.namespace },
      { labelSelector, resourceVersion: version },
    );
    world.watches.push(recorder);
    return new PodCensus(list.items, version, recorder);
  }

  /** Every state so far, the listed one first. */
  snapshots(): PodSnapshot[] {
    assert.ok(!this.recorder.error, `the pod watch failed: ${String(this.recorder.error)}`);
    const pods = new Map(this.initial.map((pod) => [pod.metadata.name ?? '', pod]));
    const snapshots = [snapshot(pods, this.initialVersion)];
    for (const event of this.recorder.events) {
      assert.notEqual(event.type, 'ERROR', `the pod watch ended with an error: ${JSON.stringify(event.object)}`);
      if (event.type === 'DELETED') pods.delete(event.object.metadata.name ?? '');
      else pods.set(event.object.metadata.name ?? '', event.object);
      snapshots.push(snapshot(pods, event.object.metadata.resourceVersion ?? ''));
    }
    return snapshots;
  }
}

function snapshot(pods: Map<string, KubeObject>, resourceVersion: string): PodSnapshot {
  const all = [...pods.values()];
  return {
    resourceVersion,
    pods: all.filter((pod) => !pod.metadata.deletionTimestamp).length,
    available: all.filter(isAvailable).length,
    templates: [...new Set(all.map((pod) => pod.metadata.labels?.['pod-template-hash'] ?? ''))].sort(),
  };
}
