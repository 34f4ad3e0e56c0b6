// kube-scheduler's entry: the default profile's plugins, one scheduling loop, until SIGTERM.
// Configuration: APISERVER_URL, SCHEDULER_NAME (default-scheduler),
// PERCENTAGE_OF_NODES_TO_SCORE (unset: Kubernetes' adaptive default).
// Real Kubernetes: cmd/kube-scheduler/app/server.go.

import { createLogger } from '../client/logger.js';
import { RestClient } from '../client/rest-client.js';
import { newFramework } from './framework/framework.js';
import { DefaultProfile, DefaultSchedulerName, newInTreeRegistry } from './plugins/registry.js';
import { Scheduler } from './scheduler.js';

const schedulerName = process.env.SCHEDULER_NAME ?? DefaultSchedulerName;
const logger = createLogger('scheduler', { scheduler: schedulerName });
const client = new RestClient(process.env.APISERVER_URL ?? 'http://apiserver:6443', `kube-scheduler/v1.32.0 (${schedulerName})`, 32);
const percentage = process.env.PERCENTAGE_OF_NODES_TO_SCORE;
const scheduler = new Scheduler(client, newFramework(DefaultProfile, newInTreeRegistry()), logger, {
  schedulerName,
  percentageOfNodesToScore: percentage ? Number(percentage) : undefined,
});

const abort = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info('shutting down');
    abort.abort();
    void client.close();
  });
}
logger.info('scheduler started');
await scheduler.run(abort.signal);
