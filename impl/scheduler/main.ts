// kube-scheduler's entry: the default profile's plugins, one scheduling loop, until SIGTERM.
// Its settings are below; the runtime adds APISERVER_URL. Real Kubernetes:
// cmd/kube-scheduler/app/server.go.

import { runComponent } from '../client/component.js';
import { optionalCountSetting, stringSetting } from '../client/settings.js';
import { newFramework } from './framework/framework.js';
import { DefaultProfile, DefaultSchedulerName, newInTreeRegistry } from './plugins/registry.js';
import { Scheduler } from './scheduler.js';

const settings = {
  schedulerName: stringSetting(
    'SCHEDULER_NAME',
    DefaultSchedulerName,
    'the spec.schedulerName whose pods it schedules',
  ),
  percentageOfNodesToScore: optionalCountSetting('PERCENTAGE_OF_NODES_TO_SCORE', "unset: Kubernetes' adaptive default"),
};

await runComponent({
  name: 'scheduler',
  userAgent: `kube-scheduler/v1.32.0 (${process.env.SCHEDULER_NAME ?? DefaultSchedulerName})`,
  settings,
  run: ({ client, logger, settings, signal }) => {
    const framework = newFramework(DefaultProfile, newInTreeRegistry());
    return new Scheduler(client, framework, logger.with({ scheduler: settings.schedulerName }), settings).run(signal);
  },
});
