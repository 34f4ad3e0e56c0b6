// kube-controller-manager's entry: compete for the Lease, then run the chosen controllers.
// Settings: CONTROLLERS (--controllers, "*" by default), each controller's own (its
// descriptor.ts), and the leader election's LEADER_ELECT_*_SECONDS. Real Kubernetes:
// cmd/kube-controller-manager/app/controllermanager.go (Run, NewControllerDescriptors).

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { runComponent } from '../client/component.js';
import { EventRecorder } from '../client/event-recorder.js';
import { readSettings, stringSetting } from '../client/settings.js';
import { ControllerDescriptors } from './descriptors.js';
import { runControllers } from './run-controllers.js';
import { selectControllers } from './select.js';

export const LeaseNamespace = 'kube-system';
export const LeaseName = 'kube-controller-manager';

const settings = {
  controllers: stringSetting(
    'CONTROLLERS',
    '*',
    "which controllers run: '*' every default one, 'foo' adds foo, '-foo' leaves it out",
  ),
};
// A bad CONTROLLERS value or controller setting stops the process before it competes.
const chosen = selectControllers(ControllerDescriptors, readSettings(settings).controllers);
for (const descriptor of chosen) readSettings(descriptor.settings);

// Each replica's identity is `<hostname>_<uuid>`, as kube-controller-manager writes it, so
// `kubectl get lease -n kube-system` shows which container leads.
await runComponent({
  name: 'controller-manager',
  userAgent: 'kube-controller-manager/v1.32.0',
  settings,
  leaderElection: { namespace: LeaseNamespace, name: LeaseName, identity: () => `${hostname()}_${randomUUID()}` },
  // The LeaderElection event kube-controller-manager records on its Lease: "<identity> became leader".
  onStartedLeading: async ({ client, logger }, identity) => {
    const lease = await client
      .get({ group: 'coordination.k8s.io', resource: 'leases', namespace: LeaseNamespace, name: LeaseName })
      .catch(() => undefined);
    if (lease)
      await new EventRecorder(client, 'kube-controller-manager', logger).record(
        lease,
        'Normal',
        'LeaderElection',
        `${identity} became leader`,
      );
  },
  run: ({ client, logger, signal }) => runControllers(chosen, client, logger, signal),
});
