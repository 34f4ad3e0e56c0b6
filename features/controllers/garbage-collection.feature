@controllers @k8s:1.32 @needs-simulated-nodes
Feature: Deleting an owner deletes its dependents, in the background or the foreground, or orphans them
  Objects name their owners in metadata.ownerReferences. With `kubectl delete` (cascade
  background, the default) the owner goes at once and the garbage collector deletes the
  dependents after; with `--cascade=foreground` the owner stays, marked for deletion with the
  foregroundDeletion finalizer, until its blocking dependents are gone; with `--cascade=orphan`
  the dependents stay and only lose their owner reference. Source: kubernetes.io "Garbage
  Collection" and "Use Cascading Deletion"; kube-controller-manager's garbage collector.

  Background:
    Given the cluster's only schedulable nodes are 2 identical nodes "worker"
    And a replica set "web" with 2 replicas was created and is ready

  Rule: By default the owner goes at once, and the garbage collector deletes its dependents

    @conformance:gc-background-deletes-dependents
    Scenario: kubectl delete of a replica set deletes its pods
      When replica set "web" is deleted with kubectl
      Then replica set "web" is gone
      And within 20 seconds no pod of "web" is left

  Rule: Orphan keeps the dependents, and removes their owner reference

    @conformance:gc-orphan-keeps-dependents
    Scenario: kubectl delete --cascade=orphan leaves the pods running, without an owner
      When replica set "web" is deleted with kubectl --cascade=orphan
      Then replica set "web" is gone
      And the 2 pods of "web" still run, with no owner reference

  Rule: Foreground keeps the owner, marked for deletion, until its blocking dependents are gone

    @conformance:gc-foreground-owner-waits
    Scenario: kubectl delete --cascade=foreground keeps the replica set while a pod remains
      Given one of the pods of "web" carries the finalizer "kubelab.dev/hold"
      When replica set "web" is deleted with kubectl --cascade=foreground --wait=false
      Then within 20 seconds replica set "web" is marked for deletion with the finalizer "foregroundDeletion", and only the held pod is left

    @conformance:gc-foreground-owner-goes-last
    Scenario: the replica set goes once its last pod is gone
      Given one of the pods of "web" carries the finalizer "kubelab.dev/hold"
      And replica set "web" was deleted with kubectl --cascade=foreground --wait=false
      When the finalizer "kubelab.dev/hold" is removed from the held pod
      Then within 20 seconds replica set "web" is gone, and no pod of "web" is left
