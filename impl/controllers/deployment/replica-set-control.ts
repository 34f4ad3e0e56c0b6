// What the Deployment controller writes to ReplicaSets: claim, create, resize, delete.
//
// "A Deployment manages its Pods through ReplicaSets: it never touches a Pod itself." Every
// change the Deployment controller makes is a ReplicaSet write: adopting a matching orphan (or
// releasing one that stopped matching) with a controller reference, creating the ReplicaSet
// for a new template, resizing one (with a ScalingReplicaSet event on the Deployment, which is
// what `kubectl describe deployment` lists), and deleting old ones beyond revisionHistoryLimit.
// Resizes are updates of the cached object, so a stale cache gets a Conflict and a retry,
// never a decision taken twice.
//
// Real Kubernetes: pkg/controller/deployment/sync.go (getNewReplicaSet, scaleReplicaSet,
// cleanupDeployment), deployment_controller.go (getReplicaSetsForDeployment) and
// pkg/controller/controller_ref_manager.go (ReplicaSetControllerRefManager.ClaimReplicaSets).

import { isAlreadyExists, isNotFound } from '../../client/api-errors.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { selectorMatches } from '../../client/label-selector.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { Deployment, JsonValue, KubeObject, ReplicaSet } from '../../client/types.js';
import { controllerOf } from '../../client/owner-references.js';
import { controllerReference, equalIgnoreHash, newReplicaSetFor, setReplicasAnnotations } from './replica-sets.js';

export const ScalingReplicaSetReason = 'ScalingReplicaSet';
export const scaledUpNewMessage = (name: string, replicas: number) => `Scaled up replica set ${name} to ${replicas}`;
export const scaledMessage = (name: string, from: number, to: number) =>
  `Scaled ${to > from ? 'up' : 'down'} replica set ${name} from ${from} to ${to}`;

const replicaSets = { group: 'apps', resource: 'replicasets' };

/** A create that found the name taken by a ReplicaSet of another template: a hash collision. */
export class HashCollisionError extends Error {}

export class ReplicaSetControl {
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: RestClient,
    component: string,
    logger: Logger,
  ) {
    this.recorder = new EventRecorder(client, component, logger);
  }

  // #region claim-replica-sets
  /**
   * The ReplicaSets `deployment` controls once matching orphans are adopted and owned sets
   * that stopped matching are released (ClaimReplicaSets). `candidates` is its namespace's.
   */
  async claim(deployment: Deployment, candidates: ReplicaSet[]): Promise<ReplicaSet[]> {
    const isDeleting = Boolean(deployment.metadata.deletionTimestamp);
    const owned: ReplicaSet[] = [];
    let isAdoptionChecked = false;
    for (const rs of candidates) {
      const owner = controllerOf(rs);
      const isMatching = selectorMatches(deployment.spec?.selector, rs.metadata.labels);
      if (owner && owner.uid !== deployment.metadata.uid) continue;
      if (owner && isMatching) owned.push(rs);
      else if (owner && !isDeleting) await this.release(deployment, rs);
      else if (!owner && isMatching && !isDeleting && !rs.metadata.deletionTimestamp) {
        // Adopt only for a Deployment that still exists as we know it, not a namesake.
        if (!isAdoptionChecked) await this.checkStillExists(deployment);
        isAdoptionChecked = true;
        owned.push(await this.adopt(deployment, rs));
      }
    }
    return owned;
  }
  // #endregion claim-replica-sets

  // #region create-new-replica-set
  /**
   * Creates the ReplicaSet for the deployment's template with `replicas` pods. A create that
   * finds its own earlier attempt returns that one; a name taken by another template throws
   * HashCollisionError, for the caller to bump collisionCount.
   */
  async create(
    deployment: Deployment,
    revision: number,
    replicas: number,
  ): Promise<{ rs: ReplicaSet; isCreated: boolean }> {
    const draft = newReplicaSetFor(deployment, revision, replicas);
    try {
      const rs = await this.client.create<ReplicaSet>(
        { ...replicaSets, namespace: deployment.metadata.namespace },
        draft,
      );
      if (replicas > 0) await this.record(deployment, scaledUpNewMessage(rs.metadata.name ?? '', replicas));
      return { rs, isCreated: true };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      // Ask the API server, not the cache: the cache may not have our own create yet.
      const existing = await this.client.get<ReplicaSet>({
        ...replicaSets,
        namespace: deployment.metadata.namespace,
        name: draft.metadata.name,
      });
      if (
        controllerOf(existing)?.uid === deployment.metadata.uid &&
        equalIgnoreHash(existing.spec?.template, deployment.spec?.template)
      )
        return { rs: existing, isCreated: false };
      throw new HashCollisionError(
        `create: replica set ${draft.metadata.name} exists with another template: ${error.message}`,
      );
    }
  }
  // #endregion create-new-replica-set

  /** Resizes `rs` and records its deployment size; the event only when the size changes (scaleReplicaSet). */
  async scale(deployment: Deployment, rs: ReplicaSet, replicas: number): Promise<ReplicaSet> {
    const from = rs.spec?.replicas ?? 1;
    const copy = structuredClone(rs);
    const isAnnotationChanged = setReplicasAnnotations(deployment, copy);
    if (from === replicas && !isAnnotationChanged) return rs;
    copy.spec = { ...copy.spec, replicas };
    const updated = await this.client.update<ReplicaSet>(
      { ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name },
      copy,
    );
    if (from !== replicas) await this.record(deployment, scaledMessage(rs.metadata.name ?? '', from, replicas));
    return updated;
  }

  /** Writes annotations or minReadySeconds that changed on an existing ReplicaSet. */
  update(rs: ReplicaSet): Promise<ReplicaSet> {
    return this.client.update<ReplicaSet>(
      { ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name },
      rs,
    );
  }

  async delete(rs: ReplicaSet): Promise<void> {
    try {
      await this.client.delete({ ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** A Warning event on the deployment (FailedCreate and the like). */
  warn(deployment: Deployment, reason: string, message: string): Promise<void> {
    return this.recorder.record(asDeployment(deployment), 'Warning', reason, message);
  }

  private record(deployment: Deployment, message: string): Promise<void> {
    return this.recorder.record(asDeployment(deployment), 'Normal', ScalingReplicaSetReason, message);
  }

  /** Strategic merge: our reference joins the list by uid; `uid` makes the patch fail on a namesake. */
  private adopt(deployment: Deployment, rs: ReplicaSet): Promise<ReplicaSet> {
    const patch = {
      metadata: { ownerReferences: [controllerReference(deployment)], uid: rs.metadata.uid },
    } as unknown as JsonValue;
    return this.client.patch<ReplicaSet>(
      { ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name },
      patch,
      'strategic',
    );
  }

  private async release(deployment: Deployment, rs: ReplicaSet): Promise<void> {
    const patch = {
      metadata: { ownerReferences: [{ $patch: 'delete', uid: deployment.metadata.uid }], uid: rs.metadata.uid },
    } as unknown as JsonValue;
    try {
      await this.client.patch(
        { ...replicaSets, namespace: rs.metadata.namespace, name: rs.metadata.name },
        patch,
        'strategic',
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async checkStillExists(deployment: Deployment): Promise<void> {
    const fresh = await this.client.get({
      group: 'apps',
      resource: 'deployments',
      namespace: deployment.metadata.namespace,
      name: deployment.metadata.name,
    });
    if (fresh.metadata.uid !== deployment.metadata.uid)
      throw new Error(
        `claim: original Deployment ${deployment.metadata.namespace}/${deployment.metadata.name} is gone: ` +
          `got uid ${fresh.metadata.uid}, wanted ${deployment.metadata.uid}`,
      );
    if (fresh.metadata.deletionTimestamp)
      throw new Error(
        `claim: ${deployment.metadata.namespace}/${deployment.metadata.name} has just been deleted ` +
          `at ${fresh.metadata.deletionTimestamp}`,
      );
  }
}

/** Objects from a list carry no kind; events need it to name what they are about. */
function asDeployment(deployment: Deployment): KubeObject {
  return { ...deployment, apiVersion: 'apps/v1', kind: 'Deployment' };
}
