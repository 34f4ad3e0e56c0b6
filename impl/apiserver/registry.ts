// The generic registry: one REST storage for every resource, the API server's core.
//
// "Every write goes: decode, default, admit, validate, store." This class runs those steps in
// that order for create, update, patch and delete, and leaves each step to the file that owns
// it (defaults.ts, admission.ts, validation.ts, strategy.ts, the store). Update and patch run
// inside the store's compare-and-swap loop, so the resourceVersion check always compares with
// the object as it is now. What the store refuses in terms of keys, the registry words in terms
// of this resource and name (storage-errors.ts).
//
// Real Kubernetes: apiserver/pkg/registry/generic/registry/store.go (Create, Update, Delete)
// and apiserver/pkg/endpoints/handlers (create.go, update.go, patch.go, delete.go).

import type { Binding, JsonObject, JsonValue, KubeObject } from '../client/types.js';
import { KeyExistsError, KeyNotFoundError } from '../store/errors.js';
import type { ListResult, Store, UpdateFunction } from '../store/store.js';
import type { StoreWatch, StoreWatchHandler } from '../store/watch.js';
import {
  admitCreate,
  admitDefaultTolerationSeconds,
  admitPriority,
  admitDelete,
  type DefaultTolerationSecondsOptions,
} from './admission.js';
import { applyDefaults } from './defaults.js';
import { finalizersForDeletion } from './deletion-policy.js';
import { alreadyExists, badRequest, conflict, invalid, OptimisticLockErrorMessage, StatusError } from './errors.js';
import { applyPatch, JsonPatchError, type PatchType } from './patch.js';
import { findResource, groupVersion, type ResourceInfo } from './resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { interpretListError, interpretStorageError, interpretWatchError, rethrowAsStatus } from './storage-errors.js';
import { isoSeconds, prepareForCreate, prepareForUpdate } from './strategy.js';
import { validateObject } from './validation.js';

/** generateName: 5 characters from an alphabet without vowels or look-alikes (names.SimpleNameGenerator). */
const generatedNameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';
const maxGeneratedNameBaseLength = 58;
const maxNameGenerationAttempts = 8;
export const GenerateNameConflictSuffix = ', the server was not able to generate a unique name for the object';

export interface ListRequest {
  labelSelector?: string;
  fieldSelector?: string;
  revision?: number;
  limit?: number;
  continueToken?: string;
}

/** A watch's receiver: changes as the store reports them, a failure as the Status to send. */
export interface WatchHandler extends Pick<StoreWatchHandler, 'onEvent'> {
  onError(error: StatusError): void;
}

export interface DeleteRequest {
  preconditions?: { uid?: string; resourceVersion?: string };
  gracePeriodSeconds?: number;
  /** What becomes of the object's dependents: Background, Foreground or Orphan (deletion-policy.ts). */
  propagationPolicy?: string;
  orphanDependents?: boolean;
}

export class Registry {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
    /** Where admission looks namespaces up first; without it every create reads etcd. */
    private readonly namespaceCache?: { get(name: string): KubeObject | undefined },
    /** The tolerationSeconds DefaultTolerationSeconds admission gives pods (300 and 300 unless set). */
    private readonly tolerationSeconds?: DefaultTolerationSecondsOptions,
  ) {}

  // #region registry-create
  async create(info: ResourceInfo, namespace: string | undefined, body: KubeObject): Promise<KubeObject> {
    const object = this.decodeForWrite(info, namespace, body);
    prepareForCreate(info, object, this.now());
    await admitCreate(info, object, async (name) => this.namespaceCache?.get(name) ?? this.findNamespace(name));
    admitDefaultTolerationSeconds(info, undefined, object, this.tolerationSeconds);
    admitPriority(info, undefined, object);
    if (!object.metadata.name && object.metadata.generateName) return this.createWithGeneratedName(info, object);
    this.validate(info, object);
    return this.store.create(info, object).catch((error: unknown) => this.failedCreate(info, object, error));
  }
  // #endregion registry-create

  // A taken name is read once more, to say whether the object there is being deleted: the
  // transaction that failed read nothing (Store.Create does the same).
  private async failedCreate(info: ResourceInfo, object: KubeObject, error: unknown): Promise<never> {
    const name = object.metadata.name ?? '';
    if (!(error instanceof KeyExistsError)) throw interpretStorageError(error, info, name);
    const existing = await this.store.get(info, object.metadata.namespace, name).catch(() => undefined);
    throw interpretStorageError(error, info, name, existing);
  }

  get(info: ResourceInfo, namespace: string | undefined, name: string): Promise<KubeObject> {
    return this.store.get(info, namespace, name).catch(rethrowAsStatus(info, name));
  }

  async list(info: ResourceInfo, namespace: string | undefined, request: ListRequest): Promise<ListResult> {
    const labels = parseLabelSelector(request.labelSelector ?? '');
    const fields = parseFieldSelector(request.fieldSelector ?? '', info.resource);
    const result = await this.store.list(info, namespace, request).catch((error: unknown) => {
      throw interpretListError(error, Boolean(request.continueToken));
    });
    result.items = result.items.filter(
      (item) => matchesLabels(labels, item.metadata.labels) && matchesFields(fields, item),
    );
    return result;
  }

  /** Every change after `afterRevision`; a failure to start or to go on comes as a Status. */
  async watch(
    info: ResourceInfo,
    namespace: string | undefined,
    afterRevision: number,
    handler: WatchHandler,
  ): Promise<StoreWatch> {
    const translated: StoreWatchHandler = {
      onEvent: (type, object, previous) => handler.onEvent(type, object, previous),
      onError: (error) => handler.onError(interpretWatchError(error)),
    };
    return this.store.watch(info, namespace, afterRevision, translated).catch((error: unknown) => {
      throw interpretWatchError(error);
    });
  }

  // #region registry-update
  async update(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    subresource?: string,
  ): Promise<KubeObject> {
    const object = this.decodeForWrite(info, namespace, body);
    if (object.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${name})`,
      );
    }
    const updated = await this.store
      .guaranteedUpdate(info, namespace, name, (current) => {
        // The optimistic lock: a resourceVersion that is not the stored one means the client
        // read an older version. No resourceVersion at all means "whatever is there now".
        const sentVersion = object.metadata.resourceVersion;
        if (sentVersion && sentVersion !== current.metadata.resourceVersion) {
          throw conflict(info, name, OptimisticLockErrorMessage);
        }
        const next = prepareForUpdate(info, structuredClone(object), current, subresource);
        admitDefaultTolerationSeconds(info, subresource, next, this.tolerationSeconds);
        this.validate(info, next);
        return next;
      })
      .catch(rethrowAsStatus(info, name));
    return this.finishIfReleased(info, updated);
  }
  // #endregion registry-update

  async patch(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: JsonValue,
    subresource?: string,
    /** Checks the patched object as decoding would (field-validation.ts), before anything else. */
    checkPatched?: (patched: KubeObject) => void,
  ): Promise<KubeObject> {
    const updated = await this.store
      .guaranteedUpdate(info, namespace, name, (current) => {
        const patched = applyPatchTo(current, type, patch);
        checkPatched?.(patched);
        const sentVersion = patched.metadata?.resourceVersion;
        if (sentVersion && sentVersion !== current.metadata.resourceVersion)
          throw conflict(info, name, OptimisticLockErrorMessage);
        const object = this.decodeForWrite(info, namespace, patched);
        const next = prepareForUpdate(info, object, current, subresource);
        admitDefaultTolerationSeconds(info, subresource, next, this.tolerationSeconds);
        this.validate(info, next);
        return next;
      })
      .catch(rethrowAsStatus(info, name));
    return this.finishIfReleased(info, updated);
  }

  /**
   * Update by a function of the stored object, for a subresource that writes part of its parent
   * and checks it itself (scale.ts); `change` runs on every pass of the compare-and-swap loop.
   */
  updateWith(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    change: UpdateFunction,
  ): Promise<KubeObject> {
    return this.store.guaranteedUpdate(info, namespace, name, change).catch(rethrowAsStatus(info, name));
  }

  // #region registry-delete
  /**
   * Delete. An object with finalizers (its own, or the `orphan` or `foregroundDeletion` one the
   * request's propagationPolicy adds) is only marked (deletionTimestamp) and disappears when its
   * last finalizer is removed; a pod on a node is marked too, and its kubelet finishes the
   * deletion once the containers have stopped. Anything else is removed at once.
   */
  async delete(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    request: DeleteRequest = {},
  ): Promise<{ object: KubeObject; isGone: boolean }> {
    admitDelete(info, name);
    const current = await this.get(info, namespace, name);
    checkPreconditions(info, name, current, request);
    if (this.mustMarkForDeletion(info, current, request)) {
      const marked = await this.store
        .guaranteedUpdate(info, namespace, name, (object) => {
          checkPreconditions(info, name, object, request);
          return this.markForDeletion(info, object, request);
        })
        .catch(rethrowAsStatus(info, name));
      return { object: marked, isGone: false };
    }
    const removed = await this.store
      .delete(info, namespace, name, (object) => checkPreconditions(info, name, object, request))
      .catch(rethrowAsStatus(info, name));
    return { object: removed, isGone: true };
  }
  // #endregion registry-delete

  /** pods/{name}/binding: set spec.nodeName once (and the binding's annotations); a pod already bound is a Conflict. */
  async bind(info: ResourceInfo, namespace: string, name: string, binding: Binding): Promise<void> {
    const nodeName = binding.target?.name;
    if (!nodeName)
      throw invalid({ group: '', kind: 'Binding' }, name, [
        { type: 'FieldValueRequired', field: 'target.name', detail: '' },
      ]);
    await this.store
      .guaranteedUpdate(info, namespace, name, (pod) => {
        const assigned = pod.spec?.nodeName;
        if (pod.metadata.deletionTimestamp)
          throw conflict(
            { group: '', resource: 'pods/binding' },
            name,
            `pod ${name} is being deleted, cannot be assigned to a host`,
          );
        if (assigned)
          throw conflict(
            { group: '', resource: 'pods/binding' },
            name,
            `pod ${name} is already assigned to node "${assigned}"`,
          );
        pod.spec = { ...pod.spec, nodeName };
        // The binding's annotations land on the pod in the same write (setPodHostAndAnnotations).
        const annotations = binding.metadata?.annotations;
        if (annotations) pod.metadata.annotations = { ...pod.metadata.annotations, ...annotations };
        return pod;
      })
      .catch(rethrowAsStatus(info, name));
  }

  async findNamespace(name: string): Promise<KubeObject | undefined> {
    const namespaces = findResource('', 'v1', 'namespaces');
    if (!namespaces) throw new Error('findNamespace: namespaces resource missing');
    return this.store.get(namespaces, undefined, name).catch((error: unknown) => {
      if (error instanceof KeyNotFoundError) return undefined;
      throw error;
    });
  }

  /** Checks the body names this resource, fills in its namespace, applies defaults. */
  private decodeForWrite(info: ResourceInfo, namespace: string | undefined, body: KubeObject): KubeObject {
    const expected = groupVersion(info);
    // The request's group, version and kind fill in what the body leaves out.
    const { apiVersion, kind, ...rest } = structuredClone(body);
    const object: KubeObject = { apiVersion: apiVersion || expected, kind: kind || info.kind, ...rest };
    if (object.apiVersion !== expected) {
      throw badRequest(
        `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
      );
    }
    if (object.kind !== info.kind) {
      throw badRequest(
        `${object.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ` +
          `the kind in the data (${object.kind}) does not match the expected kind (${info.kind})`,
      );
    }
    if (typeof object.metadata !== 'object' || object.metadata === null) object.metadata = {};
    if (info.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      object.metadata.namespace = namespace;
    } else {
      delete object.metadata.namespace;
    }
    applyDefaults(object);
    return object;
  }

  private validate(info: ResourceInfo, object: KubeObject): void {
    const errors = validateObject(info, object);
    if (errors.length > 0) throw invalid(info, object.metadata.name ?? object.metadata.generateName ?? '', errors);
  }

  private async createWithGeneratedName(info: ResourceInfo, object: KubeObject): Promise<KubeObject> {
    const base = (object.metadata.generateName ?? '').slice(0, maxGeneratedNameBaseLength);
    for (let attempt = 1; ; attempt++) {
      const candidate = { ...object, metadata: { ...object.metadata, name: base + this.randomSuffix() } };
      this.validate(info, candidate);
      try {
        return await this.store.create(info, candidate);
      } catch (error) {
        const isCollision = error instanceof KeyExistsError;
        if (!isCollision) throw error;
        if (attempt === maxNameGenerationAttempts)
          throw alreadyExists(info, candidate.metadata.name ?? '', '', GenerateNameConflictSuffix);
      }
    }
  }

  private randomSuffix(): string {
    let suffix = '';
    for (let i = 0; i < 5; i++)
      suffix += generatedNameAlphabet[Math.floor(this.random() * generatedNameAlphabet.length)];
    return suffix;
  }

  private mustMarkForDeletion(info: ResourceInfo, object: KubeObject, request: DeleteRequest): boolean {
    if (finalizersForDeletion(object.metadata.finalizers ?? [], request).length > 0) return true;
    if (info.kind === 'Namespace') return true;
    return isGracefulPod(info, object) && request.gracePeriodSeconds !== 0;
  }

  // #region mark-for-deletion
  private markForDeletion(info: ResourceInfo, object: KubeObject, request: DeleteRequest): KubeObject {
    const finalizers = finalizersForDeletion(object.metadata.finalizers ?? [], request);
    if (finalizers.length > 0) object.metadata.finalizers = finalizers;
    else delete object.metadata.finalizers;
    const grace = isGracefulPod(info, object)
      ? (request.gracePeriodSeconds ?? Number(object.spec?.terminationGracePeriodSeconds ?? 0))
      : 0;
    const previous = object.metadata.deletionTimestamp;
    const previousGrace = object.metadata.deletionGracePeriodSeconds ?? 0;
    // Already being deleted: a later request may only shorten the grace period (BeforeDelete).
    if (previous && grace >= previousGrace) return object;
    const start = previous ? new Date(previous).getTime() - previousGrace * 1000 : this.now().getTime();
    object.metadata.deletionTimestamp = isoSeconds(new Date(start + grace * 1000));
    object.metadata.deletionGracePeriodSeconds = grace;
    if (info.kind === 'Namespace') object.status = { ...object.status, phase: 'Terminating' };
    return object;
  }
  // #endregion mark-for-deletion

  /**
   * An object marked for deletion goes away when nothing holds it any more; a pod only once its
   * grace period is over (its kubelet deleted it with grace 0), never while it still runs.
   */
  private async finishIfReleased(info: ResourceInfo, object: KubeObject): Promise<KubeObject> {
    if (!object.metadata.deletionTimestamp) return object;
    if (info.kind === 'Pod' && object.metadata.deletionGracePeriodSeconds !== 0) return object;
    const isHeld =
      (object.metadata.finalizers ?? []).length > 0 ||
      (Array.isArray(object.spec?.finalizers) && object.spec.finalizers.length > 0);
    if (isHeld) return object;
    await this.store.delete(info, object.metadata.namespace, object.metadata.name ?? '').catch((error: unknown) => {
      if (!(error instanceof KeyNotFoundError)) throw error;
    });
    return object;
  }
}

function applyPatchTo(current: KubeObject, type: PatchType, patch: JsonValue): KubeObject {
  try {
    return applyPatch(type, current as unknown as JsonObject, patch) as unknown as KubeObject;
  } catch (error) {
    if (error instanceof JsonPatchError) throw new StatusError(422, 'Invalid', error.message);
    throw error;
  }
}

function isFinished(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** A pod whose kubelet must stop its containers first: bound to a node and not finished (CheckGracefulDelete). */
function isGracefulPod(info: ResourceInfo, object: KubeObject): boolean {
  return info.kind === 'Pod' && Boolean(object.spec?.nodeName) && !isFinished(object);
}

function checkPreconditions(info: ResourceInfo, name: string, current: KubeObject, request: DeleteRequest): void {
  const { uid, resourceVersion } = request.preconditions ?? {};
  if (uid && uid !== current.metadata.uid) {
    throw conflict(
      info,
      name,
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
    );
  }
  if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      info,
      name,
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ` +
        `ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
    );
  }
}
