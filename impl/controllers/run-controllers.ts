// Start the chosen controllers: build each over the shared informers, start the informers
// once every controller has asked for its own, wait for their first lists, then run every
// reconcile loop until leadership ends.
// Real Kubernetes: cmd/kube-controller-manager/app/controllermanager.go (StartControllers,
// then informerFactory.Start).

import { type ApiResource, discoverResources } from '../client/discovery.js';
import type { Logger } from '../client/logger.js';
import type { RestClient } from '../client/rest-client.js';
import { readSettings } from '../client/settings.js';
import { SharedInformers } from '../client/shared-informers.js';
import type { ControllerDescriptor, Runner } from './descriptor.js';

const DiscoveryRetryMs = 1000;

// #region start-controllers
export async function runControllers(
  descriptors: readonly ControllerDescriptor[],
  client: RestClient,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  const informers = new SharedInformers(client, logger);
  const discover = () => discoverUntilDone(client, logger);
  const runners: Runner[] = [];
  for (const descriptor of descriptors) {
    const settings = readSettings(descriptor.settings);
    const controllerLogger = logger.with({ controller: descriptor.name });
    runners.push(...(await descriptor.init({ client, logger: controllerLogger, informers, settings, discover })));
    logger.info('started controller', { controller: descriptor.name });
  }
  await informers.start(signal);
  logger.info('caches synced');
  await Promise.all(runners.map((runner) => runner.run(signal)));
}
// #endregion start-controllers

/** Discovery, retried until the API server answers. */
async function discoverUntilDone(client: RestClient, logger: Logger): Promise<ApiResource[]> {
  for (;;) {
    try {
      return await discoverResources(client);
    } catch (error) {
      logger.error('discovery failed, retrying', { error, retryInMs: DiscoveryRetryMs });
      await new Promise((resolve) => setTimeout(resolve, DiscoveryRetryMs));
    }
  }
}
