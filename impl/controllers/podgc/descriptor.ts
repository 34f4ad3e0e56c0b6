// The pod garbage collector in the controller manager: one periodic check, one worker.
// Real Kubernetes: cmd/kube-controller-manager/app/core.go (newPodGarbageCollectorControllerDescriptor).

import { countSetting, secondsSetting } from '../../client/settings.js';
import { defineController, queuedRunner } from '../descriptor.js';
import { DefaultPodGcTimings, PodGcController, PodGcKey } from './pod-gc-controller.js';

export const PodGarbageCollectorControllerDescriptor = defineController({
  name: 'pod-garbage-collector-controller',
  aliases: ['podgc'],
  enabledByDefault: true,
  settings: {
    checkPeriodMs: secondsSetting(
      'POD_GC_CHECK_PERIOD_SECONDS',
      DefaultPodGcTimings.checkPeriodMs / 1000,
      'how often the pod garbage collector checks',
    ),
    quarantineMs: secondsSetting(
      'POD_GC_QUARANTINE_SECONDS',
      DefaultPodGcTimings.quarantineMs / 1000,
      'how long a node must be missing before its pods go',
    ),
    terminatedPodThreshold: countSetting(
      'TERMINATED_POD_GC_THRESHOLD',
      DefaultPodGcTimings.terminatedPodThreshold,
      'finished pods kept before the oldest go (--terminated-pod-gc-threshold)',
    ),
  },
  init: ({ client, logger, informers, settings }) => [
    queuedRunner(logger, 1, (enqueue) => {
      // One key that requeues itself every check period: the loop is periodic, not event-driven.
      enqueue(PodGcKey);
      return new PodGcController(client, informers.pods(), informers.nodes(), settings, logger);
    }),
  ],
});
