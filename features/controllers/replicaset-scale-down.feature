@controllers @k8s:1.32
Feature: On scale-down a ReplicaSet deletes the pods that matter least first
  Pods not yet scheduled go before scheduled ones, pending before running, not ready before
  ready, then pods on nodes crowded with the set's pods. Source: kube-controller-manager's
  replicaset controller (getPodsToDelete, ActivePodsWithRanks).

  Rule: an unscheduled pod is deleted before a running one

    @conformance:replicaset-scale-down-unscheduled-first
    Scenario: scaling down removes the pod that found no node
      Given the cluster's only schedulable nodes are "tight" with 2 CPUs
      And a replica set "web" of 3 pods requesting 1 CPU each was created, and 2 of its pods run
      When replica set "web" is scaled to 2 with kubectl
      Then within 20 seconds replica set "web" has 2 ready pods, and the unscheduled one is not among them
