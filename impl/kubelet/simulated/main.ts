// The simulated node agent's entry: keep every Node annotated as simulated Ready, and report
// the pods bound to those nodes Running. Real Kubernetes: kwok's main (sigs.k8s.io/kwok).

import { runComponent } from '../../client/component.js';
import { countSetting, secondsSetting } from '../../client/settings.js';
import { SimulatedNodeAgent } from './agent.js';

const settings = {
  leaseRenewIntervalMs: secondsSetting(
    'LEASE_RENEW_INTERVAL_SECONDS',
    10,
    "how often each node's Lease is renewed, as the kubelet's default",
  ),
  workers: countSetting('WORKERS', 4, 'how many nodes and pods it syncs at once'),
};

await runComponent({
  name: 'node-agent',
  userAgent: 'kubelab-node-agent/v1.32.0',
  settings,
  connections: 16,
  run: ({ client, logger, settings, signal }) => new SimulatedNodeAgent(client, logger, settings).run(signal),
});
