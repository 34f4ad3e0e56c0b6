// The namespace controller: empty a Terminating namespace, then let it go.
//
// "Deleting a namespace marks it Terminating, deletes everything in it, then removes the
// namespace; creating in a Terminating namespace is refused." The API server does the marking
// and the refusing (registry.ts, admission.ts) and holds the namespace with the `kubernetes`
// entry of spec.finalizers. This controller does the rest: it asks discovery for every
// namespaced resource that can be listed and deleted, deletes each object in the namespace,
// counts what is left and which finalizers hold it, writes that into the status conditions,
// and once nothing is left removes `kubernetes` through namespaces/{name}/finalize. With no
// finalizer left the API server deletes the namespace.
//
// kubelab deletes object by object (no deletecollection) and checks again every second while
// the content may still be on its way out, where Kubernetes waits for half of that estimate
// (recheck.ts); content that remains is never treated as a failure to back off from.
// Real Kubernetes: pkg/controller/namespace/namespace_controller.go (syncNamespaceFromKey) and
// deletion/namespaced_resources_deleter.go (Delete, deleteAllContent, finalizeNamespace).

import { isConflict, isNotFound } from '../../client/api-errors.js';
import { type ApiResource, discoverResources, supportingAll } from '../../client/discovery.js';
import type { Informer } from '../../client/informer.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { KubeObject } from '../../client/types.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import { type DeletionPass, deletionConditions, type NamespaceCondition, updateConditions } from './conditions.js';
import { recheckAfterMs } from './recheck.js';

/** The spec.finalizers entry this controller owns (FinalizerKubernetes). */
export const KubernetesFinalizer = 'kubernetes';
/** How many times a status write is tried on a fresh read after a Conflict. */
const StatusWriteAttempts = 5;
/** How long content held by finalizers may take to go (finalizerEstimateSeconds). */
export const FinalizerEstimateSeconds = 15;

export class NamespaceController implements Reconciler {
  readonly name = 'namespace-controller';

  constructor(
    private readonly client: RestClient,
    private readonly namespaces: Informer<KubeObject>,
    private readonly enqueue: (key: string) => void,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Only namespaces being deleted have anything to do.
    const changed = (namespace: KubeObject) => {
      if (namespace.metadata.deletionTimestamp) this.enqueue(namespace.metadata.name ?? '');
    };
    this.namespaces.addEventHandler({ onAdd: changed, onUpdate: (_old, namespace) => changed(namespace) });
  }

  // #region sync-namespace
  async reconcile(name: string): Promise<Result> {
    // 1. Read from the cache; a namespace gone, not being deleted, or already finalized by us needs nothing.
    const namespace = this.namespaces.get(name);
    if (!namespace?.metadata.deletionTimestamp || !finalizersOf(namespace).includes(KubernetesFinalizer)) return {};
    // 2. Delete everything in it, and count what is still there afterwards.
    const pass = await this.deleteAllContent(name);
    // 3. Say in the status what holds the namespace, if anything.
    await this.updateStatus(namespace, pass);
    if (pass.discoveryError || pass.deleteErrors.length > 0) {
      const errors = [pass.discoveryError, ...pass.deleteErrors].filter(Boolean).join('; ');
      throw new Error(`deleting the content of namespace ${name}: ${errors}`);
    }
    // 4. Content remains (pods stopping, finalizers pending): not a failure, so no backoff;
    //    look again soon, and keep looking at a steady pace however long it takes.
    if ([...pass.remaining.values()].some((count) => count > 0)) {
      const deletedFor = this.now().getTime() - Date.parse(namespace.metadata.deletionTimestamp);
      return { requeueAfterMs: recheckAfterMs(deletedFor, pass.estimateSeconds) };
    }
    // 5. Empty: remove our finalizer; the API server deletes a namespace nothing holds.
    await this.finalize(namespace);
    return {};
  }
  // #endregion sync-namespace

  // #region delete-all-content
  private async deleteAllContent(namespace: string): Promise<DeletionPass & { estimateSeconds: number }> {
    const pass: DeletionPass & { estimateSeconds: number } = {
      deleteErrors: [],
      remaining: new Map(),
      finalizers: new Map(),
      estimateSeconds: 0,
    };
    let resources: ApiResource[];
    try {
      resources = supportingAll(await discoverResources(this.client), ['list', 'delete']).filter(
        (resource) => resource.namespaced,
      );
    } catch (error) {
      pass.discoveryError = error instanceof Error ? error.message : String(error);
      return pass;
    }
    for (const resource of resources) {
      const ref = {
        group: resource.group || undefined,
        version: resource.version,
        resource: resource.resource,
        namespace,
      };
      try {
        // Background: whatever these objects own goes too, through the garbage collector.
        for (const item of (await this.client.list(ref)).items) {
          if (!item.metadata.deletionTimestamp)
            await this.client
              .delete(
                { ...ref, name: item.metadata.name },
                { propagationPolicy: 'Background', preconditions: { uid: item.metadata.uid ?? '' } },
              )
              .catch(ignoreGone);
        }
        const left = (await this.client.list(ref)).items;
        pass.remaining.set(`${resource.resource}.${resource.group}`, left.length);
        for (const finalizer of left.flatMap((item) => item.metadata.finalizers ?? []))
          pass.finalizers.set(finalizer, (pass.finalizers.get(finalizer) ?? 0) + 1);
        pass.estimateSeconds = Math.max(pass.estimateSeconds, estimateSeconds(resource, left));
      } catch (error) {
        pass.deleteErrors.push(error instanceof Error ? error.message : String(error));
      }
    }
    return pass;
  }
  // #endregion delete-all-content

  // The cached namespace may be a version behind (the watch is late, or another writer was
  // first): a Conflict then means "read it again", not "fail and back off". Kubernetes'
  // deleter reads the latest namespace and writes again (retryOnConflictError).
  private async updateStatus(cached: KubeObject, pass: DeletionPass): Promise<void> {
    const ref = { resource: 'namespaces', name: cached.metadata.name, subresource: 'status' };
    let namespace = cached;
    for (let attempt = 1; ; attempt++) {
      const current = (namespace.status?.conditions ?? []) as NamespaceCondition[];
      const conditions = updateConditions(
        current,
        deletionConditions(pass),
        `${this.now().toISOString().slice(0, 19)}Z`,
      );
      if (!conditions) return;
      const status = { ...namespace.status, phase: 'Terminating', conditions };
      try {
        await this.client.update(ref, { ...structuredClone(namespace), status } as KubeObject);
        return;
      } catch (error) {
        if (!isConflict(error) || attempt === StatusWriteAttempts) throw error;
        namespace = await this.client.get({ resource: 'namespaces', name: cached.metadata.name });
      }
    }
  }

  private async finalize(cached: KubeObject): Promise<void> {
    // A fresh read: the status was perhaps written a moment ago, and the cache may not know yet.
    const ref = { resource: 'namespaces', name: cached.metadata.name };
    const namespace = await this.client.get(ref);
    const finalizers = finalizersOf(namespace).filter((finalizer) => finalizer !== KubernetesFinalizer);
    await this.client
      .update({ ...ref, subresource: 'finalize' }, { ...namespace, spec: { ...namespace.spec, finalizers } })
      .catch(ignoreGone);
    this.logger.info('namespace finalized', { namespace: cached.metadata.name });
  }
}

/** How long what is left may take to go: the longest grace period of running pods, 15 s for finalizers. */
function estimateSeconds(resource: ApiResource, left: KubeObject[]): number {
  let estimate = left.some((item) => (item.metadata.finalizers ?? []).length > 0) ? FinalizerEstimateSeconds : 0;
  if (resource.group === '' && resource.resource === 'pods') {
    for (const pod of left) {
      const isFinished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!isFinished) estimate = Math.max(estimate, Number(pod.spec?.terminationGracePeriodSeconds ?? 0));
    }
  }
  return estimate;
}

function finalizersOf(namespace: KubeObject): string[] {
  return (namespace.spec?.finalizers ?? []) as string[];
}

/** Deleted meanwhile (404), or replaced by a new object of the same name (409 on the uid precondition). */
function ignoreGone(error: unknown): void {
  if (isNotFound(error) || isConflict(error)) return;
  throw error;
}
