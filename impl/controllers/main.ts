// kube-controller-manager's entry: shared informers, then one reconcile loop per controller.
// Configuration: APISERVER_URL. Real Kubernetes: cmd/kube-controller-manager/app
// (controllermanager.go, NewControllerDescriptors).

import { Informer } from '../client/informer.js';
import { createLogger } from '../client/logger.js';
import { RestClient } from '../client/rest-client.js';
import type { KubeObject } from '../client/types.js';
import { WorkQueue } from '../client/workqueue.js';
import { ControllerRunner } from './controller.js';
import { DeploymentController } from './deployment/deployment-controller.js';
import { ReplicaSetController } from './replicaset/replicaset-controller.js';

const logger = createLogger('controller-manager');
const client = new RestClient(process.env.APISERVER_URL ?? 'http://apiserver:6443', 'kube-controller-manager/v1.32.0', 32);
const abort = new AbortController();

/** An informer indexed by namespace, the index every controller here looks pods up by. */
function informerFor(resource: { group?: string; resource: string }): Informer<KubeObject> {
  const informer = new Informer<KubeObject>(client, resource, logger);
  informer.addIndex('namespace', (object) => [object.metadata.namespace ?? '']);
  return informer;
}

const pods = informerFor({ resource: 'pods' });
const replicaSets = informerFor({ group: 'apps', resource: 'replicasets' });
const deployments = informerFor({ group: 'apps', resource: 'deployments' });

const replicaSetQueue = new WorkQueue();
const replicaSetController = new ReplicaSetController(client, replicaSets, pods, (key) => replicaSetQueue.add(key), logger);
const replicaSetRunner = new ControllerRunner(replicaSetController, replicaSetQueue, logger.with({ controller: replicaSetController.name }), 4);

const deploymentQueue = new WorkQueue();
const deploymentController = new DeploymentController(client, deployments, replicaSets, pods, (key) => deploymentQueue.add(key), logger);
const deploymentRunner = new ControllerRunner(deploymentController, deploymentQueue, logger.with({ controller: deploymentController.name }), 4);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info('shutting down');
    abort.abort();
    void client.close();
  });
}

for (const informer of [pods, replicaSets, deployments]) void informer.run(abort.signal);
await Promise.all([pods.waitForSync(), replicaSets.waitForSync(), deployments.waitForSync()]);
logger.info('controller manager started', { controllers: [replicaSetController.name, deploymentController.name].join(',') });
await Promise.all([replicaSetRunner.run(abort.signal), deploymentRunner.run(abort.signal)]);
