// The namespace controller in the controller manager. Ten workers, kube-controller-manager's
// --concurrent-namespace-syncs: one namespace with hundreds of objects to delete must not
// hold up the others. Real Kubernetes: cmd/kube-controller-manager/app/core.go
// (newNamespaceControllerDescriptor).

import { defineController, queuedRunner } from '../descriptor.js';
import { NamespaceController } from './namespace-controller.js';

export const NamespaceControllerDescriptor = defineController({
  name: 'namespace-controller',
  aliases: ['namespace'],
  enabledByDefault: true,
  settings: {},
  init: ({ client, logger, informers }) => [
    queuedRunner(logger, 10, (enqueue) => new NamespaceController(client, informers.namespaces(), enqueue, logger)),
  ],
});
