// The garbage collector's dependency graph: every object by uid, with its owners and its dependents.
//
// "An object lists its owners in metadata.ownerReferences; the garbage collector keeps the
// reverse edges, so that when an owner goes it knows its dependents at once." Informer events
// feed this graph; each change answers with the uids that now need a decision: the dependents
// of an owner that disappeared, an owner waiting for its dependents (foreground), or an owner
// that asked for its dependents to be orphaned. An owner referenced before it has been seen
// gets a "virtual" node, which the collector checks against the API server.
//
// This file does no I/O, so its decisions are tested directly. kubelab skips the real graph's
// identity cross-checks between dependents that disagree about an owner's coordinates.
// Real Kubernetes: pkg/controller/garbagecollector/graph.go and graph_builder.go
// (processGraphChanges, insertNode, addDependentToOwners, processTransitions,
// addUnblockedOwnersToDeleteQueue).

import type { OwnerReference } from '../../client/types.js';
import { ForegroundDeletionFinalizer, OrphanFinalizer } from './decisions.js';

export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  /** The dependent's namespace for an owner first seen through a reference (owners share it, or are cluster-scoped). */
  namespace?: string;
  name: string;
  uid: string;
}

/** What the graph needs of an object's metadata. */
export interface GraphMetadata {
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: string;
  finalizers?: string[];
}

export interface GraphNode {
  identity: ObjectIdentity;
  owners: OwnerReference[];
  dependents: Set<string>;
  /** Known only from a reference: not observed through an informer yet. */
  isVirtual: boolean;
  isBeingDeleted: boolean;
  /** Being deleted in the foreground: it waits for its blocking dependents to go. */
  isDeletingDependents: boolean;
}

/** The uids to look at after a change, for each of the collector's two queues. */
export interface GraphWork {
  attemptToDelete: string[];
  attemptToOrphan: string[];
}

export class DependencyGraph {
  private readonly nodes = new Map<string, GraphNode>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  get size(): number {
    return this.nodes.size;
  }

  // #region observe
  /** An object was added or updated; `previous` is its metadata before an update. */
  observe(identity: ObjectIdentity, metadata: GraphMetadata, previous?: GraphMetadata): GraphWork {
    const work: GraphWork = { attemptToDelete: [], attemptToOrphan: [] };
    const owners = metadata.ownerReferences ?? [];
    let node = this.nodes.get(identity.uid);
    if (!node || node.isVirtual) {
      // New, or a virtual node now observed for real: it takes its real identity and owners.
      const dependents = node?.dependents ?? new Set<string>();
      node = { identity, owners: [], dependents, isVirtual: false, isBeingDeleted: false, isDeletingDependents: false };
      this.nodes.set(identity.uid, node);
    }
    const { added, removed, unblocked } = referenceChanges(node.owners, owners);
    // An owner waiting for its dependents may be free once a blocking reference went away.
    for (const reference of [...removed, ...unblocked]) {
      if (this.nodes.get(reference.uid)?.isDeletingDependents) work.attemptToDelete.push(reference.uid);
    }
    node.owners = owners;
    for (const reference of removed) this.nodes.get(reference.uid)?.dependents.delete(identity.uid);
    for (const reference of added) this.addDependent(reference, node, work);
    node.isBeingDeleted = Boolean(metadata.deletionTimestamp);
    node.isDeletingDependents = node.isBeingDeleted && hasFinalizer(metadata, ForegroundDeletionFinalizer);
    this.processTransitions(node, metadata, previous, work);
    return work;
  }
  // #endregion observe

  // #region remove
  /** An object was deleted (or, virtually, found not to exist): its dependents and waiting owners need a look. */
  remove(uid: string): GraphWork {
    const work: GraphWork = { attemptToDelete: [], attemptToOrphan: [] };
    const node = this.nodes.get(uid);
    if (!node) return work;
    this.nodes.delete(uid);
    for (const reference of node.owners) this.nodes.get(reference.uid)?.dependents.delete(uid);
    work.attemptToDelete.push(...node.dependents);
    for (const reference of node.owners) {
      if (this.nodes.get(reference.uid)?.isDeletingDependents) work.attemptToDelete.push(reference.uid);
    }
    return work;
  }
  // #endregion remove

  dependentsOf(uid: string): GraphNode[] {
    return [...(this.nodes.get(uid)?.dependents ?? [])]
      .map((dependent) => this.nodes.get(dependent))
      .filter((node): node is GraphNode => node !== undefined);
  }

  /** The dependents whose reference to this owner has blockOwnerDeletion: what foreground deletion waits for. */
  blockingDependents(uid: string): GraphNode[] {
    return this.dependentsOf(uid).filter((dependent) =>
      dependent.owners.some((reference) => reference.uid === uid && reference.blockOwnerDeletion),
    );
  }

  private addDependent(reference: OwnerReference, dependent: GraphNode, work: GraphWork): void {
    let owner = this.nodes.get(reference.uid);
    if (!owner) {
      // Not seen yet: a virtual node, which the collector checks exists.
      const identity = {
        apiVersion: reference.apiVersion,
        kind: reference.kind,
        namespace: dependent.identity.namespace,
        name: reference.name,
        uid: reference.uid,
      };
      owner = {
        identity,
        owners: [],
        dependents: new Set(),
        isVirtual: true,
        isBeingDeleted: false,
        isDeletingDependents: false,
      };
      this.nodes.set(reference.uid, owner);
      work.attemptToDelete.push(reference.uid);
    }
    owner.dependents.add(dependent.identity.uid);
  }

  /** An owner that has just started waiting: for its dependents to be orphaned, or to be deleted first. */
  private processTransitions(
    node: GraphNode,
    metadata: GraphMetadata,
    previous: GraphMetadata | undefined,
    work: GraphWork,
  ): void {
    const uid = node.identity.uid;
    if (startsWaitingFor(OrphanFinalizer, previous, metadata)) {
      work.attemptToOrphan.push(uid);
      return;
    }
    if (startsWaitingFor(ForegroundDeletionFinalizer, previous, metadata)) {
      work.attemptToDelete.push(...node.dependents, uid);
    }
  }
}

function hasFinalizer(metadata: GraphMetadata | undefined, finalizer: string): boolean {
  return (metadata?.finalizers ?? []).includes(finalizer);
}

function startsWaitingFor(finalizer: string, previous: GraphMetadata | undefined, current: GraphMetadata): boolean {
  const isWaiting = (metadata: GraphMetadata | undefined) =>
    Boolean(metadata?.deletionTimestamp) && hasFinalizer(metadata, finalizer);
  return isWaiting(current) && !isWaiting(previous);
}

/** References added, removed, and changed from blocking to not blocking (referencesDiffs). */
function referenceChanges(before: readonly OwnerReference[], after: readonly OwnerReference[]) {
  const added = after.filter((reference) => !before.some((old) => old.uid === reference.uid));
  const removed = before.filter((old) => !after.some((reference) => reference.uid === old.uid));
  const unblocked = before.filter(
    (old) =>
      old.blockOwnerDeletion && after.some((reference) => reference.uid === old.uid && !reference.blockOwnerDeletion),
  );
  return { added, removed, unblocked };
}
