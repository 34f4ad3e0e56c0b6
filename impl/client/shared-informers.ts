// Shared informers: one cache per resource in a process, whoever asks for it.
//
// Seven controllers in one controller manager all read pods; they must not each list and
// watch every pod. A controller asks this factory for the informers it needs, typed by what
// they hold (`pods()` gives an Informer<Pod>), and the factory makes each one at most once,
// indexed by namespace (the index every controller looks objects up by). Informers start
// together, once every controller has asked, so no handler misses the first list. The one
// cast per type is here: the factory knows which resource holds which type.
// Real Kubernetes: client-go's informers.SharedInformerFactory (factory.go) and its typed
// accessors, `factory.Core().V1().Pods()`.

import { Informer } from './informer.js';
import type { Logger } from './logger.js';
import type { ResourceRef, RestClient } from './rest-client.js';
import type { Deployment, KubeObject, Node, Pod, ReplicaSet } from './types.js';

export class SharedInformers {
  private readonly informers = new Map<string, Informer<KubeObject>>();

  constructor(
    private readonly client: RestClient,
    private readonly logger: Logger,
  ) {}

  pods(): Informer<Pod> {
    return this.forResource({ resource: 'pods' }) as unknown as Informer<Pod>;
  }

  nodes(): Informer<Node> {
    return this.forResource({ resource: 'nodes' }) as unknown as Informer<Node>;
  }

  namespaces(): Informer<KubeObject> {
    return this.forResource({ resource: 'namespaces' });
  }

  replicaSets(): Informer<ReplicaSet> {
    return this.forResource({ group: 'apps', resource: 'replicasets' }) as unknown as Informer<ReplicaSet>;
  }

  deployments(): Informer<Deployment> {
    return this.forResource({ group: 'apps', resource: 'deployments' }) as unknown as Informer<Deployment>;
  }

  leases(): Informer<KubeObject> {
    return this.forResource({ group: 'coordination.k8s.io', resource: 'leases' });
  }

  /** Any resource, by reference: for controllers that watch what discovery lists (the garbage collector). */
  forResource(resource: Pick<ResourceRef, 'group' | 'version' | 'resource'>): Informer<KubeObject> {
    const key = `${resource.resource}.${resource.group ?? ''}`;
    const existing = this.informers.get(key);
    if (existing) return existing;
    const ref = { group: resource.group || undefined, version: resource.version, resource: resource.resource };
    const informer = new Informer<KubeObject>(this.client, ref, this.logger);
    informer.addIndex('namespace', (object) => [object.metadata.namespace ?? '']);
    this.informers.set(key, informer);
    return informer;
  }

  /** Start every informer asked for so far, and resolve once each has its first list. */
  async start(signal: AbortSignal): Promise<void> {
    for (const informer of this.informers.values()) void informer.run(signal);
    await Promise.all([...this.informers.values()].map((informer) => informer.waitForSync()));
  }
}
