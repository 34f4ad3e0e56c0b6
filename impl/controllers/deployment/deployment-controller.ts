// The Deployment controller: roll a Deployment's pods from one template to the next.
//
// "A Deployment provides declarative updates for Pods and ReplicaSets: you describe a desired
// state, and the Deployment controller changes the actual state to it at a controlled rate."
// (kubernetes.io, Deployments). It keeps one ReplicaSet per pod template the Deployment has had.
// Each sync reads the Deployment and its ReplicaSets from the cache and takes one step: resize
// proportionally if replicas changed, or else roll on (RollingUpdate: grow the new ReplicaSet
// within maxSurge, shrink the old ones within maxUnavailable; Recreate: old ones to zero, wait
// for their pods to go, then the new one up), then write the status. The step's writes change
// the ReplicaSets, whose events bring the next sync, until the rollout is complete.
//
// kubelab has no legacy rollbackTo (kubectl rollout undo patches the template itself) and
// writes the status once per sync. Real Kubernetes: pkg/controller/deployment/
// (deployment_controller.go syncDeployment, sync.go, rolling.go, recreate.go, progress.go).

import { type Informer, keyOf } from '../../client/informer.js';
import { selectorMatches } from '../../client/label-selector.js';
import type { Logger } from '../../client/logger.js';
import type { RestClient } from '../../client/rest-client.js';
import type { Deployment, DeploymentStatus, KubeObject, Pod, ReplicaSet } from '../../client/types.js';
import { canonicalJson } from '../../client/canonical-json.js';
import type { Reconciler, Result } from '../../client/reconcile.js';
import { controllerOf } from '../../client/owner-references.js';
import { isRollingUpdate, replicasOf } from './fenceposts.js';
import {
  countsOf,
  findNewReplicaSet,
  maxRevision,
  newReplicaSetName,
  replicaSetsToCleanUp,
  RevisionAnnotation,
  revisionOf,
  syncReplicaSetAnnotations,
} from './replica-sets.js';
import { HashCollisionError, ReplicaSetControl } from './replica-set-control.js';
import { countedReplicas, newReplicaSetReplicas, oldReplicaSetSizes } from './rolling-update.js';
import { isScalingEvent, scaledSizes } from './scaling.js';
import * as status from './status.js';

const deployments = { group: 'apps', resource: 'deployments' };

/** The new ReplicaSet (if there is one yet) and all the others the Deployment owns. */
interface Generations {
  newSet?: ReplicaSet;
  oldSets: ReplicaSet[];
}

export class DeploymentController implements Reconciler {
  readonly name = 'deployment-controller';
  private readonly control: ReplicaSetControl;

  constructor(
    private readonly client: RestClient,
    private readonly deployments: Informer<Deployment>,
    private readonly sets: Informer<ReplicaSet>,
    private readonly pods: Informer<Pod>,
    private readonly enqueue: (key: string) => void,
    logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.control = new ReplicaSetControl(client, this.name, logger);
    // Handlers only enqueue. A ReplicaSet maps to its Deployment through the controller
    // reference; an orphan to every Deployment whose selector matches it.
    this.deployments.addEventHandler({
      onAdd: (d) => this.enqueue(keyOf(d)),
      onUpdate: (_old, d) => this.enqueue(keyOf(d)),
      onDelete: (d) => this.enqueue(keyOf(d)),
    });
    this.sets.addEventHandler({
      onAdd: (rs) => this.replicaSetChanged(rs),
      onUpdate: (old, rs) => {
        if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
        // A ReplicaSet that changed hands or labels concerns its former Deployment too.
        if (
          controllerOf(old)?.uid !== controllerOf(rs)?.uid ||
          canonicalJson(old.metadata.labels) !== canonicalJson(rs.metadata.labels)
        )
          this.replicaSetChanged(old);
        this.replicaSetChanged(rs);
      },
      onDelete: (rs) => this.replicaSetChanged(rs),
    });
    // Recreate waits for old pods to be gone: a pod's deletion may unblock it.
    this.pods.addEventHandler({ onDelete: (pod) => this.podDeleted(pod) });
  }

  // #region sync-deployment
  async reconcile(key: string): Promise<Result> {
    // 1. Read from the cache, and work on a copy: cached objects are shared.
    const cached = this.deployments.get(key) as Deployment | undefined;
    if (!cached) return {};
    const deployment = structuredClone(cached);
    // 2. Claim: adopt matching orphan ReplicaSets, release owned ones that stopped matching.
    const candidates = this.sets.byIndex('namespace', deployment.metadata.namespace ?? '') as ReplicaSet[];
    const owned = await this.control.claim(deployment, candidates);
    // 3. A Deployment being deleted only reports; the garbage collector removes what it owns.
    if (deployment.metadata.deletionTimestamp) return this.syncStatusOnly(deployment, owned);
    // 4. Pausing and resuming show in Progressing, so a paused rollout never "times out".
    this.checkPausedCondition(deployment);
    // 5. Paused, or replicas changed since the ReplicaSets were sized: resize, roll nothing out.
    if (deployment.spec?.paused || isScalingEvent(deployment.spec ?? {}, owned.map(countsOf)))
      return this.sync(deployment, owned);
    // 6. Otherwise take the next step of the rollout, by the strategy's rules.
    return isRollingUpdate(deployment.spec ?? {})
      ? this.rolloutRolling(deployment, owned)
      : this.rolloutRecreate(deployment, owned);
  }
  // #endregion sync-deployment

  // #region rolling-update
  /** One step of a rolling update: grow the new ReplicaSet, or else shrink the old ones (rolloutRolling). */
  private async rolloutRolling(deployment: Deployment, owned: ReplicaSet[]): Promise<Result> {
    const { newSet, oldSets } = await this.syncRevision(deployment, owned, true);
    if (!newSet) return this.syncRolloutStatus(deployment, oldSets, undefined);
    const replicas = replicasOf(deployment.spec);
    // 1. Grow (or trim) the new ReplicaSet as far as maxSurge allows, old pods not yet deleted included.
    const total = countedReplicas([...oldSets, newSet].map(countsOf));
    const newSize =
      (newSet.spec?.replicas ?? 0) > replicas
        ? replicas
        : newReplicaSetReplicas(deployment.spec ?? {}, total, newSet.spec?.replicas ?? 0);
    if (newSize !== newSet.spec?.replicas) {
      const grown = await this.control.scale(deployment, newSet, newSize);
      return this.syncRolloutStatus(deployment, oldSets, grown);
    }
    // 2. Shrink old ReplicaSets as far as maxUnavailable allows, unavailable pods first.
    const activeOld = oldSets.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    const sizes = oldReplicaSetSizes(deployment.spec ?? {}, countsOf(newSet), activeOld.map(countsOf));
    if (sizes.size > 0) {
      const shrunk = await this.resize(deployment, oldSets, sizes);
      return this.syncRolloutStatus(deployment, shrunk, newSet);
    }
    // 3. Complete: only then may history beyond revisionHistoryLimit go.
    if (status.deploymentComplete(deployment, deployment.status)) await this.cleanup(deployment, oldSets);
    return this.syncRolloutStatus(deployment, oldSets, newSet);
  }
  // #endregion rolling-update

  // #region recreate
  /** Old ReplicaSets to zero, wait until their pods are gone, then the new one to full size (rolloutRecreate). */
  private async rolloutRecreate(deployment: Deployment, owned: ReplicaSet[]): Promise<Result> {
    // Do not create the new ReplicaSet yet: nothing new may run beside the old.
    let { newSet, oldSets } = await this.syncRevision(deployment, owned, false);
    const activeOld = oldSets.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    if (activeOld.length > 0) {
      const shrunk = await this.resize(
        deployment,
        oldSets,
        new Map(activeOld.map((rs) => [rs.metadata.name ?? '', 0])),
      );
      return this.syncRolloutStatus(deployment, shrunk, newSet);
    }
    if (this.hasOldPods(newSet, oldSets)) return this.syncRolloutStatus(deployment, oldSets, newSet);
    if (!newSet) ({ newSet, oldSets } = await this.syncRevision(deployment, owned, true));
    if (newSet) newSet = await this.control.scale(deployment, newSet, replicasOf(deployment.spec));
    if (status.deploymentComplete(deployment, deployment.status)) await this.cleanup(deployment, oldSets);
    return this.syncRolloutStatus(deployment, oldSets, newSet);
  }
  // #endregion recreate

  // #region scale
  /** Resize the ReplicaSets for a scaling event or a paused Deployment; no rollout (sync). */
  private async sync(deployment: Deployment, owned: ReplicaSet[]): Promise<Result> {
    const { newSet, oldSets } = await this.syncRevision(deployment, owned, false);
    const sizes = scaledSizes(
      deployment.spec ?? {},
      deployment.status?.replicas ?? 0,
      newSet && countsOf(newSet),
      oldSets.map(countsOf),
    );
    const resized = await this.resize(deployment, [...oldSets, ...(newSet ? [newSet] : [])], sizes);
    const resizedNew = resized.find((rs) => rs.metadata.uid === newSet?.metadata.uid);
    const resizedOld = resized.filter((rs) => rs !== resizedNew);
    if (deployment.spec?.paused) await this.cleanup(deployment, resizedOld);
    await this.writeStatus(deployment, status.calculateStatus(deployment, resized, resizedNew, this.now()));
    return {};
  }
  // #endregion scale

  private async syncStatusOnly(deployment: Deployment, owned: ReplicaSet[]): Promise<Result> {
    const { newSet, oldSets } = await this.syncRevision(deployment, owned, false);
    await this.writeStatus(
      deployment,
      status.calculateStatus(deployment, [...oldSets, ...(newSet ? [newSet] : [])], newSet, this.now()),
    );
    return {};
  }

  // #region sync-revision
  /**
   * The new ReplicaSet with the highest revision, created if `shouldCreate` and missing, and the
   * Deployment's revision annotation set to match (getAllReplicaSetsAndSyncRevision).
   */
  private async syncRevision(deployment: Deployment, owned: ReplicaSet[], shouldCreate: boolean): Promise<Generations> {
    const existing = findNewReplicaSet(deployment, owned);
    const oldSets = owned.filter((rs) => rs !== existing);
    const revision = maxRevision(oldSets) + 1;
    if (existing) {
      let newSet = existing;
      const copy = structuredClone(existing);
      const isMinReadyChanged = (copy.spec?.minReadySeconds ?? 0) !== (deployment.spec?.minReadySeconds ?? 0);
      if (syncReplicaSetAnnotations(deployment, copy, revision, true) || isMinReadyChanged) {
        const { minReadySeconds: _old, ...spec } = copy.spec ?? {};
        copy.spec = deployment.spec?.minReadySeconds
          ? { ...spec, minReadySeconds: deployment.spec.minReadySeconds }
          : spec;
        newSet = await this.control.update(copy);
      }
      this.setRevision(deployment, revisionOf(newSet));
      if (status.hasProgressDeadline(deployment) && !status.getCondition(deployment.status, 'Progressing'))
        this.setCondition(
          deployment,
          'True',
          status.FoundNewReplicaSetReason,
          status.foundNewReplicaSetMessage(newSet.metadata.name ?? ''),
        );
      return { newSet, oldSets };
    }
    if (!shouldCreate) return { oldSets };
    const total = countedReplicas(oldSets.map(countsOf));
    return {
      newSet: await this.createNewReplicaSet(
        deployment,
        revision,
        newReplicaSetReplicas(deployment.spec ?? {}, total, 0),
      ),
      oldSets,
    };
  }

  private async createNewReplicaSet(deployment: Deployment, revision: number, replicas: number): Promise<ReplicaSet> {
    try {
      const { rs, isCreated } = await this.control.create(deployment, revision, replicas);
      this.setRevision(deployment, revision);
      if (isCreated && status.hasProgressDeadline(deployment))
        this.setCondition(
          deployment,
          'True',
          status.NewReplicaSetReason,
          status.createdNewReplicaSetMessage(rs.metadata.name ?? ''),
        );
      return rs;
    } catch (error) {
      // A different template under the same name: count the collision, hash anew next time.
      if (error instanceof HashCollisionError)
        deployment.status = { ...deployment.status, collisionCount: (deployment.status?.collisionCount ?? 0) + 1 };
      else {
        const message = status.failedCreateMessage(
          newReplicaSetName(deployment),
          error instanceof Error ? error.message : String(error),
        );
        if (status.hasProgressDeadline(deployment))
          this.setCondition(deployment, 'False', status.FailedReplicaSetCreateReason, message);
        await this.control.warn(deployment, status.FailedReplicaSetCreateReason, message);
      }
      await this.writeStatus(deployment, deployment.status ?? {});
      throw error;
    }
  }
  // #endregion sync-revision

  /** Writes the Progressing condition a rollout step earned, and comes back before its deadline. */
  private async syncRolloutStatus(
    deployment: Deployment,
    oldSets: ReplicaSet[],
    newSet: ReplicaSet | undefined,
  ): Promise<Result> {
    const next = status.rolloutStatus(deployment, [...oldSets, ...(newSet ? [newSet] : [])], newSet, this.now());
    if (await this.writeStatus(deployment, next)) return {};
    const after = status.progressCheckAfterMs(deployment, next, this.now());
    return after === undefined ? {} : { requeueAfterMs: after };
  }

  /**
   * Writes status and the revision annotation through /status, as Kubernetes does, when they
   * differ from the cache; the cache holds what we read, or something newer we then conflict with.
   */
  private async writeStatus(deployment: Deployment, next: DeploymentStatus): Promise<boolean> {
    const cached = this.deployments.get(keyOf(deployment)) as Deployment | undefined;
    const isUnchanged =
      canonicalJson(cached?.status) === canonicalJson(next) &&
      canonicalJson(cached?.metadata.annotations) === canonicalJson(deployment.metadata.annotations);
    if (isUnchanged) return false;
    await this.client.update(
      {
        ...deployments,
        namespace: deployment.metadata.namespace,
        name: deployment.metadata.name,
        subresource: 'status',
      },
      { ...deployment, status: next },
    );
    return true;
  }

  /** Resizes the named sets; returns `sets` with the resized ones replaced. */
  private async resize(deployment: Deployment, sets: ReplicaSet[], sizes: Map<string, number>): Promise<ReplicaSet[]> {
    const resized: ReplicaSet[] = [];
    for (const rs of sets) {
      const size = sizes.get(rs.metadata.name ?? '');
      resized.push(size === undefined ? rs : await this.control.scale(deployment, rs, size));
    }
    return resized;
  }

  private async cleanup(deployment: Deployment, oldSets: ReplicaSet[]): Promise<void> {
    for (const rs of replicaSetsToCleanUp(deployment, oldSets)) await this.control.delete(rs);
  }

  /** Any pod of an old ReplicaSet not yet finished, terminating ones included (oldPodsRunning). */
  private hasOldPods(newSet: ReplicaSet | undefined, oldSets: ReplicaSet[]): boolean {
    if (oldSets.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
    const oldUids = new Set(oldSets.map((rs) => rs.metadata.uid));
    const namespace = newSet?.metadata.namespace ?? oldSets[0]?.metadata.namespace ?? '';
    return this.pods
      .byIndex('namespace', namespace)
      .some(
        (pod) =>
          oldUids.has(controllerOf(pod)?.uid) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed',
      );
  }

  private checkPausedCondition(deployment: Deployment): void {
    if (!status.hasProgressDeadline(deployment)) return;
    const progressing = status.getCondition(deployment.status, 'Progressing');
    if (progressing?.reason === status.TimedOutReason) return;
    const isPausedShown = progressing?.reason === status.PausedDeployReason;
    if (deployment.spec?.paused && !isPausedShown)
      this.setCondition(deployment, 'Unknown', status.PausedDeployReason, 'Deployment is paused');
    else if (!deployment.spec?.paused && isPausedShown)
      this.setCondition(deployment, 'Unknown', status.ResumedDeployReason, 'Deployment is resumed');
  }

  private setCondition(
    deployment: Deployment,
    value: 'True' | 'False' | 'Unknown',
    reason: string,
    message: string,
  ): void {
    deployment.status ??= {};
    status.setCondition(deployment.status, status.newCondition('Progressing', value, reason, message, this.now()));
  }

  private setRevision(deployment: Deployment, revision: number): void {
    deployment.metadata.annotations = { ...deployment.metadata.annotations, [RevisionAnnotation]: String(revision) };
  }

  private replicaSetChanged(rs: KubeObject): void {
    const owner = controllerOf(rs);
    if (owner) {
      if (owner.kind === 'Deployment') this.enqueue(`${rs.metadata.namespace}/${owner.name}`);
      return;
    }
    for (const deployment of this.deployments.byIndex('namespace', rs.metadata.namespace ?? '') as Deployment[]) {
      if (selectorMatches(deployment.spec?.selector, rs.metadata.labels)) this.enqueue(keyOf(deployment));
    }
  }

  private podDeleted(pod: KubeObject): void {
    const owner = controllerOf(pod);
    const rs = owner?.kind === 'ReplicaSet' ? this.sets.get(`${pod.metadata.namespace}/${owner.name}`) : undefined;
    const deploymentRef = rs && controllerOf(rs);
    if (deploymentRef?.kind !== 'Deployment') return;
    const deployment = this.deployments.get(`${pod.metadata.namespace}/${deploymentRef.name}`) as
      | Deployment
      | undefined;
    if (deployment && !isRollingUpdate(deployment.spec ?? {})) this.enqueue(keyOf(deployment));
  }
}
