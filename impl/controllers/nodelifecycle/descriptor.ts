// The node lifecycle and taint eviction controllers in the controller manager. The first marks
// silent nodes and taints them; the second evicts the pods that do not tolerate the taints.
// Real Kubernetes: cmd/kube-controller-manager/app/core.go (newNodeLifecycleControllerDescriptor,
// newTaintEvictionControllerDescriptor).

import { secondsSetting } from '../../client/settings.js';
import { defineController, queuedRunner } from '../descriptor.js';
import { DefaultNodeMonitorGracePeriodSeconds, DefaultNodeStartupGracePeriodSeconds } from './node-health.js';
import { NodeLifecycleController } from './node-lifecycle-controller.js';
import { TaintEvictionController } from './taint-eviction-controller.js';

export const NodeLifecycleControllerDescriptor = defineController({
  name: 'node-lifecycle-controller',
  aliases: ['nodelifecycle'],
  enabledByDefault: true,
  settings: {
    monitorMs: secondsSetting(
      'NODE_MONITOR_GRACE_PERIOD_SECONDS',
      DefaultNodeMonitorGracePeriodSeconds,
      'how long a node may go without a heartbeat (--node-monitor-grace-period)',
    ),
    startupMs: secondsSetting(
      'NODE_STARTUP_GRACE_PERIOD_SECONDS',
      DefaultNodeStartupGracePeriodSeconds,
      'how long a new node may take to post its first status (--node-startup-grace-period)',
    ),
  },
  init: ({ client, logger, informers, settings }) => [
    queuedRunner(
      logger,
      2,
      (enqueue) =>
        new NodeLifecycleController(client, informers.nodes(), informers.leases(), enqueue, settings, logger),
    ),
  ],
});

export const TaintEvictionControllerDescriptor = defineController({
  name: 'taint-eviction-controller',
  aliases: [],
  enabledByDefault: true,
  settings: {},
  init: ({ client, logger, informers }) => [
    queuedRunner(
      logger,
      2,
      (enqueue) => new TaintEvictionController(client, informers.pods(), informers.nodes(), enqueue, logger),
    ),
  ],
});
