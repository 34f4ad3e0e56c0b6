// When a replica set cannot reach its count, its status says why.
//
// The ReplicaSet controller writes the ReplicaFailure condition when creating or deleting pods
// failed (reason FailedCreate or FailedDelete, the error as the message), as kube-controller-manager
// does; `kubectl describe replicaset` shows it. A wait for a replica set's or a deployment's pods
// quotes it, so its failure names the cause. When the cause is an unsolved exercise's stub, the
// quote makes `eventually` end the wait at once.

import type { KubeWorld } from './world.js';

const replicaSets = { group: 'apps', resource: 'replicasets' } as const;

/** `; replica set <name>: ReplicaFailure (<reason>): <message>` for each failing set of the namespace, or ''. */
export async function whyReplicaSetsFail(world: KubeWorld): Promise<string> {
  const sets = (await world.api.list({ ...replicaSets, namespace: world.namespace }).catch(() => ({ items: [] })))
    .items;
  return sets
    .flatMap((rs) => {
      const conditions = (Array.isArray(rs.status?.conditions) ? rs.status.conditions : []) as Array<
        Record<string, unknown>
      >;
      const failure = conditions.find(
        (condition) => condition.type === 'ReplicaFailure' && condition.status === 'True',
      );
      return failure
        ? [`; replica set ${rs.metadata.name}: ReplicaFailure (${String(failure.reason)}): ${String(failure.message)}`]
        : [];
    })
    .join('');
}
