// The garbage collector: delete what no owner holds any more, and orphan what its owner let go.
//
// "Deleting an owner deletes its dependents, in the background (the default) or in the
// foreground, or orphans them when asked." The API server only records the wish (the
// `foregroundDeletion` or `orphan` finalizer, or nothing for background); the collector does
// the work from its graph (graph-builder.ts). Attempt-to-delete looks at one object: a
// foreground owner loses its finalizer once no blocking dependent is left; any other object
// is judged on its owners as the API server has them now (decisions.ts), and kept, stripped
// of dead references, or deleted. Attempt-to-orphan removes an owner's reference from each of
// its dependents, then the owner's `orphan` finalizer.
//
// kubelab reads owners with plain GETs (no absent-owner cache) and patches with JSON merge
// patches guarded by resourceVersion. Real Kubernetes: pkg/controller/garbagecollector/
// garbagecollector.go (attemptToDeleteItem, processDeletingDependentsItem,
// attemptToOrphanWorker, orphanDependents, removeFinalizer).

import { isNotFound } from '../../client/api-errors.js';
import { type ApiResource, resourceForKind } from '../../client/discovery.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient, ResourceRef } from '../../client/rest-client.js';
import type { JsonValue, KubeObject, OwnerReference } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import {
  attemptToDeleteDecision,
  ForegroundDeletionFinalizer,
  OrphanFinalizer,
  ownerState,
  unblocked,
  withoutOwners,
} from './decisions.js';
import type { ObjectIdentity } from './graph.js';
import type { GraphBuilder } from './graph-builder.js';

/** Attempt-to-delete: keys are uids, the graph's node ids. */
export class GarbageCollector implements Reconciler {
  readonly name = 'garbage-collector';

  constructor(
    private readonly client: RestClient,
    private readonly resources: ApiResource[],
    private readonly builder: GraphBuilder,
    private readonly enqueue: (uid: string) => void,
    private readonly logger: Logger,
  ) {}

  // #region attempt-to-delete-item
  async reconcile(uid: string): Promise<Result> {
    // 1. Read the node; one being deleted (not in the foreground) only waits for its final deletion.
    const node = this.builder.graph.get(uid);
    if (!node || (node.isBeingDeleted && !node.isDeletingDependents)) return {};
    // 2. Read the object as it is now; gone, or another object under its name: drop the node.
    const latest = await getObject(this.client, this.refFor(node.identity, node.identity.namespace));
    if (latest?.metadata.uid !== uid) {
      this.builder.virtualDelete(uid);
      return {};
    }
    // 3. An owner known only from references, and there after all: its informer will bring it.
    if (node.isVirtual) return {};
    // 4. A foreground deletion: done when no blocking dependent is left, else push them along.
    if (node.isDeletingDependents) return this.processDeletingDependents(node.identity);
    // 5. Judge the object on its owners, read fresh, and act on the decision.
    const references = latest.metadata.ownerReferences ?? [];
    if (references.length === 0) return {};
    const owners = await Promise.all(
      references.map(async (reference) => ({
        reference,
        state: ownerState(reference, await this.getOwner(reference, node.identity.namespace)),
      })),
    );
    const dependents = this.builder.graph.dependentsOf(uid);
    const decision = attemptToDeleteDecision({
      owners,
      finalizers: latest.metadata.finalizers ?? [],
      hasDependents: dependents.length > 0,
      hasDependentDeletingDependents: dependents.some((dependent) => dependent.isDeletingDependents),
    });
    const ref = this.refFor(node.identity, node.identity.namespace);
    if (decision.action === 'removeOwnerReferences')
      await patchOwners(this.client, ref, latest, withoutOwners(references, decision.uids));
    if (decision.action === 'delete') {
      if (decision.unblockOwnersFirst) await patchOwners(this.client, ref, latest, unblocked(references));
      this.logger.info('deleting', {
        kind: node.identity.kind,
        namespace: node.identity.namespace,
        name: node.identity.name,
        propagationPolicy: decision.policy,
      });
      await this.client
        .delete(ref, { propagationPolicy: decision.policy, preconditions: { uid } })
        .catch(ignoreNotFound);
    }
    return {};
  }
  // #endregion attempt-to-delete-item

  // #region process-deleting-dependents
  private async processDeletingDependents(owner: ObjectIdentity): Promise<Result> {
    const blocking = this.builder.graph.blockingDependents(owner.uid);
    if (blocking.length === 0) {
      await removeFinalizer(this.client, this.refFor(owner, owner.namespace), owner.uid, ForegroundDeletionFinalizer);
      return {};
    }
    // Each blocking dependent is deleted in turn (attempt-to-delete sees its owner waiting).
    for (const dependent of blocking) if (!dependent.isDeletingDependents) this.enqueue(dependent.identity.uid);
    return {};
  }
  // #endregion process-deleting-dependents

  /** The owner a reference names, read fresh; undefined if it does not exist. */
  private getOwner(reference: OwnerReference, dependentNamespace: string | undefined): Promise<KubeObject | undefined> {
    return getObject(this.client, this.refFor(reference, dependentNamespace));
  }

  private refFor(
    identity: { apiVersion: string; kind: string; name: string },
    namespace: string | undefined,
  ): ResourceRef {
    return refFor(this.resources, identity, namespace);
  }
}

/** Attempt-to-orphan: an owner deleted with propagationPolicy Orphan lets its dependents go. */
export class DependentsOrphaner implements Reconciler {
  readonly name = 'garbage-collector-orphaner';

  constructor(
    private readonly client: RestClient,
    private readonly resources: ApiResource[],
    private readonly builder: GraphBuilder,
  ) {}

  // #region attempt-to-orphan
  async reconcile(uid: string): Promise<Result> {
    // 1. Read the owner's node; gone means nothing to do.
    const owner = this.builder.graph.get(uid);
    if (!owner) return {};
    // 2. Remove the reference to it from every dependent.
    for (const dependent of this.builder.graph.dependentsOf(uid)) {
      const ref = refFor(this.resources, dependent.identity, dependent.identity.namespace);
      const latest = await getObject(this.client, ref);
      if (latest?.metadata.uid !== dependent.identity.uid) continue;
      await patchOwners(this.client, ref, latest, withoutOwners(latest.metadata.ownerReferences ?? [], [uid]));
    }
    // 3. Then the owner's orphan finalizer, which lets the API server delete it.
    await removeFinalizer(
      this.client,
      refFor(this.resources, owner.identity, owner.identity.namespace),
      uid,
      OrphanFinalizer,
    );
    return {};
  }
  // #endregion attempt-to-orphan
}

function refFor(
  resources: ApiResource[],
  identity: { apiVersion: string; kind: string; name: string },
  namespace: string | undefined,
): ResourceRef {
  const resource = resourceForKind(resources, identity.apiVersion, identity.kind);
  if (!resource)
    throw new Error(`garbage collector: the API server serves no ${identity.kind} in ${identity.apiVersion}`);
  return {
    group: resource.group || undefined,
    version: resource.version,
    resource: resource.resource,
    namespace: resource.namespaced ? namespace : undefined,
    name: identity.name,
  };
}

async function getObject(client: RestClient, ref: ResourceRef): Promise<KubeObject | undefined> {
  try {
    return await client.get(ref);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Replace the owner references, guarded by resourceVersion: a concurrent change means retry. */
async function patchOwners(
  client: RestClient,
  ref: ResourceRef,
  latest: KubeObject,
  ownerReferences: OwnerReference[],
): Promise<void> {
  const patch = {
    metadata: { ownerReferences, resourceVersion: latest.metadata.resourceVersion ?? null },
  } as unknown as JsonValue;
  await client.patch(ref, patch).catch(ignoreNotFound);
}

/** Remove one finalizer from an object, if it is still the same object and still has it. */
async function removeFinalizer(client: RestClient, ref: ResourceRef, uid: string, finalizer: string): Promise<void> {
  const latest = await getObject(client, ref);
  if (latest?.metadata.uid !== uid || !(latest.metadata.finalizers ?? []).includes(finalizer)) return;
  const finalizers = (latest.metadata.finalizers ?? []).filter((candidate) => candidate !== finalizer);
  const patch = {
    metadata: { finalizers, resourceVersion: latest.metadata.resourceVersion ?? null },
  } as unknown as JsonValue;
  await client.patch(ref, patch).catch(ignoreNotFound);
}

function ignoreNotFound(error: unknown): void {
  if (isNotFound(error)) return;
  throw error;
}
