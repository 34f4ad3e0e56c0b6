// The Deployment controller in the controller manager: deployments, their replica sets and
// pods, 4 workers. Real Kubernetes: cmd/kube-controller-manager/app/apps.go
// (newDeploymentControllerDescriptor).

import { defineController, queuedRunner } from '../descriptor.js';
import { DeploymentController } from './deployment-controller.js';

export const DeploymentControllerDescriptor = defineController({
  name: 'deployment-controller',
  aliases: ['deployment'],
  enabledByDefault: true,
  settings: {},
  init: ({ client, logger, informers }) => [
    queuedRunner(
      logger,
      4,
      (enqueue) =>
        new DeploymentController(
          client,
          informers.deployments(),
          informers.replicaSets(),
          informers.pods(),
          enqueue,
          logger,
        ),
    ),
  ],
});
