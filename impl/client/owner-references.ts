// Owner references: how an object names the object that manages it.
//
// "Most objects that a controller creates carry an ownerReference to their owner, and at most
// one owner is the controller" (kubernetes.io, Owners and Dependents). A ReplicaSet's pods point
// at the ReplicaSet, a Deployment's ReplicaSets at the Deployment; the garbage collector follows
// the same references the other way. Every controller asks the same two questions, so they live
// here, beside the client, not inside one controller.
// Real Kubernetes: apimachinery's metav1.GetControllerOf and metav1.NewControllerRef.

import type { KubeObject, OwnerReference } from './types.js';

/** The owner reference marked `controller: true`, if any: the object that manages this one. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((reference) => reference.controller === true);
}

/**
 * A reference that makes `owner` the controller of a new object. blockOwnerDeletion: a
 * foreground deletion of the owner waits for this dependent.
 */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  const { name = '', uid = '' } = owner.metadata;
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}
