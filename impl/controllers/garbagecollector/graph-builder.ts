// The graph builder: informers on every deletable resource feed the dependency graph.
//
// "The garbage collector watches every resource that can be deleted, because any object may
// own any other." For each resource the API server serves with list, watch and delete
// (events aside), the builder takes the informer, turns each add, update and delete into a
// change of the graph (graph.ts), and hands the uids the graph says need a look to the
// collector's two queues: attempt-to-delete and attempt-to-orphan.
//
// kubelab reads discovery once at start; Kubernetes re-reads it every 30 s to pick up new
// resources. Real Kubernetes: pkg/controller/garbagecollector/graph_builder.go (monitors,
// processGraphChanges) and garbagecollector.go (GetDeletableResources, DefaultIgnoredResources).

import { type ApiResource, apiVersionOf, supportingAll } from '../../client/discovery.js';
import type { Informer } from '../../client/informer.js';
import type { KubeObject } from '../../client/types.js';
import { DependencyGraph, type GraphWork } from './graph.js';

/** Resources the collector never watches: events are many and own nothing (DefaultIgnoredResources). */
export const IgnoredResources = [{ group: '', resource: 'events' }];

/** The resources to watch: every one that supports delete, list and watch, minus the ignored. */
export function deletableResources(resources: ApiResource[]): ApiResource[] {
  const isIgnored = (resource: ApiResource) =>
    IgnoredResources.some((ignored) => ignored.group === resource.group && ignored.resource === resource.resource);
  return supportingAll(resources, ['delete', 'list', 'watch']).filter((resource) => !isIgnored(resource));
}

export interface GraphQueues {
  attemptToDelete(uid: string): void;
  attemptToOrphan(uid: string): void;
}

export class GraphBuilder {
  readonly graph = new DependencyGraph();

  constructor(
    resources: ApiResource[],
    informerFor: (resource: ApiResource) => Informer<KubeObject>,
    private readonly queues: GraphQueues,
  ) {
    for (const resource of resources) {
      const identity = (object: KubeObject) => ({
        apiVersion: apiVersionOf(resource),
        kind: resource.kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name ?? '',
        uid: object.metadata.uid ?? '',
      });
      informerFor(resource).addEventHandler({
        onAdd: (object) => this.dispatch(this.graph.observe(identity(object), object.metadata)),
        onUpdate: (old, object) => this.dispatch(this.graph.observe(identity(object), object.metadata, old.metadata)),
        onDelete: (object) => this.dispatch(this.graph.remove(object.metadata.uid ?? '')),
      });
    }
  }

  /** A virtual node turned out not to exist: remove it as if its informer had said so. */
  virtualDelete(uid: string): void {
    this.dispatch(this.graph.remove(uid));
  }

  private dispatch(work: GraphWork): void {
    for (const uid of work.attemptToDelete) this.queues.attemptToDelete(uid);
    for (const uid of work.attemptToOrphan) this.queues.attemptToOrphan(uid);
  }
}
