// The garbage collector in the controller manager. It watches every deletable resource the
// API server serves, so it asks discovery first; two queues: objects to delete (4 workers) and
// owners whose dependents are to be orphaned (1). Real Kubernetes:
// cmd/kube-controller-manager/app/core.go (newGarbageCollectorControllerDescriptor).

import { ControllerRunner } from '../../client/reconcile.js';
import { WorkQueue } from '../../client/workqueue.js';
import { defineController } from '../descriptor.js';
import { DependentsOrphaner, GarbageCollector } from './garbage-collector.js';
import { deletableResources, GraphBuilder } from './graph-builder.js';

export const GarbageCollectorControllerDescriptor = defineController({
  name: 'garbage-collector-controller',
  aliases: ['garbagecollector'],
  enabledByDefault: true,
  settings: {},
  init: async ({ client, logger, informers, discover }) => {
    const resources = await discover();
    const attemptToDelete = new WorkQueue();
    const attemptToOrphan = new WorkQueue();
    const queues = {
      attemptToDelete: (uid: string) => attemptToDelete.add(uid),
      attemptToOrphan: (uid: string) => attemptToOrphan.add(uid),
    };
    const graph = new GraphBuilder(
      deletableResources(resources),
      (resource) => informers.forResource(resource),
      queues,
    );
    const collector = new GarbageCollector(client, resources, graph, queues.attemptToDelete, logger);
    const orphaner = new DependentsOrphaner(client, resources, graph);
    return [
      new ControllerRunner(collector, attemptToDelete, logger, 4),
      new ControllerRunner(orphaner, attemptToOrphan, logger, 1),
    ];
  },
});
