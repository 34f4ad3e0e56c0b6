// The simulated node agent's entry: keep every Node annotated as simulated Ready.
// Configuration: APISERVER_URL, LEASE_RENEW_INTERVAL_SECONDS (10, as the kubelet's default).

import { createLogger } from '../../client/logger.js';
import { RestClient } from '../../client/rest-client.js';
import { SimulatedNodeAgent } from './agent.js';

const logger = createLogger('node-agent');
const client = new RestClient(process.env.APISERVER_URL ?? 'http://apiserver:6443', 'kubelab-node-agent/v1.32.0', 16);
const agent = new SimulatedNodeAgent(client, logger, {
  leaseRenewIntervalMs: Number(process.env.LEASE_RENEW_INTERVAL_SECONDS ?? 10) * 1000,
  workers: 4,
});
const abort = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info('shutting down');
    abort.abort();
    void client.close();
  });
}
logger.info('simulated node agent started');
await agent.run(abort.signal);
