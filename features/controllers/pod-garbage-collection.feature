@controllers @k8s:1.32 @needs-simulated-nodes
Feature: The pods of a node that no longer exists are deleted by the pod garbage collector
  A pod bound to a node has only that node's kubelet to finish it. When the node object is
  deleted, nothing else ever would: the pod garbage collector in kube-controller-manager finds
  pods bound to a node that is gone (after a 40 s quarantine, in case its cache is behind, and a
  GET that confirms it), marks them Failed with a DisruptionTarget condition, and deletes them
  with no grace period. Their replica sets then replace them. This cluster checks every 2 s and
  quarantines for 4 s (Kubernetes: 20 s and 40 s). Source: kubernetes.io "Pod Lifecycle"
  (Garbage collection of Pods) and "Disruptions" (Pod disruption conditions).

  Background:
    Given the cluster's only schedulable nodes are 3 identical nodes "worker"

  Rule: Pods bound to a deleted node are marked Failed and force-deleted, and their replica set replaces them

    @conformance:pod-gc-orphaned-pods
    Scenario: a node is deleted with kubectl while a replica set's pod runs on it
      Given a replica set "web" with 2 replicas was created and is ready
      When the node of one of the pods of "web" is deleted with kubectl
      Then within 30 seconds replica set "web" has 2 ready pods, none of them on that node
      And the pod left on that node was marked Failed with reason "DeletionByPodGC" and message "PodGC: node no longer exists", then deleted at once
