// The ReplicaSet controller in the controller manager: pods and replica sets, 4 workers.
// Real Kubernetes: cmd/kube-controller-manager/app/apps.go (newReplicaSetControllerDescriptor).

import { defineController, queuedRunner } from '../descriptor.js';
import { ReplicaSetController } from './replicaset-controller.js';

export const ReplicaSetControllerDescriptor = defineController({
  name: 'replicaset-controller',
  aliases: ['replicaset'],
  enabledByDefault: true,
  settings: {},
  init: ({ client, logger, informers }) => [
    queuedRunner(
      logger,
      4,
      (enqueue) => new ReplicaSetController(client, informers.replicaSets(), informers.pods(), enqueue, logger),
    ),
  ],
});
