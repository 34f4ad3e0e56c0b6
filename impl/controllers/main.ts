// kube-controller-manager's entry: shared informers, then one reconcile loop per controller.
// Configuration: APISERVER_URL, NODE_MONITOR_GRACE_PERIOD_SECONDS (50),
// NODE_STARTUP_GRACE_PERIOD_SECONDS (60), POD_GC_CHECK_PERIOD_SECONDS (20),
// POD_GC_QUARANTINE_SECONDS (40), TERMINATED_POD_GC_THRESHOLD (12500), and the leader
// election's LEADER_ELECT_LEASE_DURATION_SECONDS (15), LEADER_ELECT_RENEW_DEADLINE_SECONDS (10)
// and LEADER_ELECT_RETRY_PERIOD_SECONDS (2). Real Kubernetes: cmd/kube-controller-manager/app
// (controllermanager.go, NewControllerDescriptors).

import { setMaxListeners } from 'node:events';
import { type ApiResource, discoverResources } from '../client/discovery.js';
import { Informer } from '../client/informer.js';
import { EventRecorder } from '../client/event-recorder.js';
import { LeaderElector } from '../client/leader-election.js';
import { createLogger } from '../client/logger.js';
import { RestClient } from '../client/rest-client.js';
import type { KubeObject } from '../client/types.js';
import { WorkQueue } from '../client/workqueue.js';
import { ControllerRunner } from './controller.js';
import { DeploymentController } from './deployment/deployment-controller.js';
import { DependentsOrphaner, GarbageCollector } from './garbagecollector/garbage-collector.js';
import { deletableResources, GraphBuilder } from './garbagecollector/graph-builder.js';
import { LeaseName, LeaseNamespace, leaderElectionConfig } from './leader-election-config.js';
import { NamespaceController } from './namespace/namespace-controller.js';
import { DefaultNodeMonitorGracePeriodSeconds, DefaultNodeStartupGracePeriodSeconds } from './nodelifecycle/node-health.js';
import { NodeLifecycleController } from './nodelifecycle/node-lifecycle-controller.js';
import { DefaultPodGcTimings, PodGcController, PodGcKey } from './podgc/pod-gc-controller.js';
import { TaintEvictionController } from './nodelifecycle/taint-eviction-controller.js';
import { ReplicaSetController } from './replicaset/replicaset-controller.js';

const logger = createLogger('controller-manager');
const client = new RestClient(process.env.APISERVER_URL ?? 'http://apiserver:6443', 'kube-controller-manager/v1.32.0', 32);
const abort = new AbortController();
// Every informer and every runner listens for the abort: more than Node's default warning limit of 10.
setMaxListeners(100, abort.signal);

const DiscoveryRetryMs = 1000;
const informers = new Map<string, Informer<KubeObject>>();

/** One informer per resource, shared by the controllers that ask for it, indexed by namespace (the index every controller here looks pods up by). */
function informerFor(resource: { group?: string; version?: string; resource: string }): Informer<KubeObject> {
  const key = `${resource.resource}.${resource.group ?? ''}`;
  const existing = informers.get(key);
  if (existing) return existing;
  const informer = new Informer<KubeObject>(client, { group: resource.group || undefined, version: resource.version, resource: resource.resource }, logger);
  informer.addIndex('namespace', (object) => [object.metadata.namespace ?? '']);
  informers.set(key, informer);
  return informer;
}

/** What the API server serves; the garbage collector and the namespace controller work from it. */
async function discover(): Promise<ApiResource[]> {
  for (;;) {
    try {
      return await discoverResources(client);
    } catch (error) {
      logger.error('discovery failed, retrying', { error, retryInMs: DiscoveryRetryMs });
      await new Promise((resolve) => setTimeout(resolve, DiscoveryRetryMs));
    }
  }
}

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
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

const nodes = informerFor({ resource: 'nodes' });
const leases = informerFor({ group: 'coordination.k8s.io', resource: 'leases' });
const nodeLifecycleQueue = new WorkQueue();
const gracePeriods = {
  monitorMs: numberFromEnv('NODE_MONITOR_GRACE_PERIOD_SECONDS', DefaultNodeMonitorGracePeriodSeconds) * 1000,
  startupMs: numberFromEnv('NODE_STARTUP_GRACE_PERIOD_SECONDS', DefaultNodeStartupGracePeriodSeconds) * 1000,
};
const nodeLifecycleController = new NodeLifecycleController(client, nodes, leases, (key) => nodeLifecycleQueue.add(key), gracePeriods, logger);
const nodeLifecycleRunner = new ControllerRunner(nodeLifecycleController, nodeLifecycleQueue, logger.with({ controller: nodeLifecycleController.name }), 2);

const taintEvictionQueue = new WorkQueue();
const taintEvictionController = new TaintEvictionController(client, pods, nodes, (key) => taintEvictionQueue.add(key), logger);
const taintEvictionRunner = new ControllerRunner(taintEvictionController, taintEvictionQueue, logger.with({ controller: taintEvictionController.name }), 2);

const podGcQueue = new WorkQueue();
const podGcTimings = {
  checkPeriodMs: numberFromEnv('POD_GC_CHECK_PERIOD_SECONDS', DefaultPodGcTimings.checkPeriodMs / 1000) * 1000,
  quarantineMs: numberFromEnv('POD_GC_QUARANTINE_SECONDS', DefaultPodGcTimings.quarantineMs / 1000) * 1000,
  terminatedPodThreshold: numberFromEnv('TERMINATED_POD_GC_THRESHOLD', DefaultPodGcTimings.terminatedPodThreshold),
};
const podGcController = new PodGcController(client, pods, nodes, podGcTimings, logger.with({ controller: 'pod-garbage-collector' }));
const podGcRunner = new ControllerRunner(podGcController, podGcQueue, logger.with({ controller: podGcController.name }), 1);
// One key that requeues itself every check period: the loop is periodic, not event-driven.
podGcQueue.add(PodGcKey);

const namespaceQueue = new WorkQueue();
const namespaceController = new NamespaceController(client, informerFor({ resource: 'namespaces' }), (key) => namespaceQueue.add(key), logger);
// Ten workers, kube-controller-manager's --concurrent-namespace-syncs: one namespace with
// hundreds of objects to delete must not hold up the others.
const namespaceLogger = logger.with({ controller: namespaceController.name });
const namespaceRunner = new ControllerRunner(namespaceController, namespaceQueue, namespaceLogger, 10);

// The garbage collector watches every deletable resource the API server serves.
const resources = await discover();
const attemptToDeleteQueue = new WorkQueue();
const attemptToOrphanQueue = new WorkQueue();
const graphBuilder = new GraphBuilder(deletableResources(resources), informerFor, { attemptToDelete: (uid) => attemptToDeleteQueue.add(uid), attemptToOrphan: (uid) => attemptToOrphanQueue.add(uid) });
const garbageCollector = new GarbageCollector(client, resources, graphBuilder, (uid) => attemptToDeleteQueue.add(uid), logger.with({ controller: 'garbage-collector' }));
const garbageCollectorRunner = new ControllerRunner(garbageCollector, attemptToDeleteQueue, logger.with({ controller: garbageCollector.name }), 4);
const orphaner = new DependentsOrphaner(client, resources, graphBuilder);
const orphanerRunner = new ControllerRunner(orphaner, attemptToOrphanQueue, logger.with({ controller: orphaner.name }), 1);

const runners = [replicaSetRunner, deploymentRunner, nodeLifecycleRunner, taintEvictionRunner, podGcRunner, namespaceRunner, garbageCollectorRunner, orphanerRunner];
const controllerNames = [replicaSetController, deploymentController, nodeLifecycleController, taintEvictionController, podGcController, namespaceController, garbageCollector, orphaner].map((controller) => controller.name);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info('shutting down');
    abort.abort();
    void client.close();
  });
}

// "started" means the process is up (the container's readiness line). Then the replica waits
// to lead: like kube-controller-manager, it starts its informers and loops only once it holds
// the Lease, so a replica that does not lead reads nothing and writes nothing.
logger.info('controller manager started', { controllers: controllerNames.join(',') });
const election = leaderElectionConfig(process.env);
await new LeaderElector(client, election, logger).run(abort.signal, async (leading) => {
  setMaxListeners(100, leading);
  await recordLeaderElection(election.identity, 'became leader');
  for (const informer of informers.values()) void informer.run(leading);
  await Promise.all([...informers.values()].map((informer) => informer.waitForSync()));
  logger.info('caches synced');
  await Promise.all(runners.map((runner) => runner.run(leading)));
});
if (!abort.signal.aborted) {
  // Lost the Lease without being asked to stop: another replica may lead already, so stop
  // acting at once and exit, as kube-controller-manager does ("leaderelection lost"); the
  // container's restart policy starts a fresh replica that competes again.
  logger.error('leaderelection lost', { identity: election.identity });
  process.exit(1);
}

/** The LeaderElection event kube-controller-manager records on its Lease: "<identity> became leader". */
async function recordLeaderElection(identity: string, what: string): Promise<void> {
  const lease = await client.get({ group: 'coordination.k8s.io', resource: 'leases', namespace: LeaseNamespace, name: LeaseName }).catch(() => undefined);
  if (lease) await new EventRecorder(client, 'kube-controller-manager', logger).record(lease, 'Normal', 'LeaderElection', `${identity} ${what}`);
}
