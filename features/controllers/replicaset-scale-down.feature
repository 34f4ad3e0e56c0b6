@controllers @k8s:1.32 @exercise-pods-to-delete
Feature: On scale-down a ReplicaSet deletes the pods that matter least first
  Pods not yet scheduled go before scheduled ones, pending before running, not ready before
  ready, then the lower pod-deletion-cost, then pods on nodes crowded with their relatives.
  Source: kubernetes.io "ReplicaSet" (Scaling a ReplicaSet, Pod deletion cost);
  kube-controller-manager's replicaset controller (getPodsToDelete, ActivePodsWithRanks).

  Rule: an unscheduled pod is deleted before a running one

    @conformance:replicaset-scale-down-unscheduled-first
    Scenario: scaling down removes the pod that found no node
      Given the cluster's only schedulable nodes are "tight" with 2 CPUs
      And a replica set "web" of 3 pods requesting 1 CPU each was created, and 2 of its pods run
      When replica set "web" is scaled to 2 with kubectl
      Then within 20 seconds replica set "web" has 2 ready pods, and the unscheduled one is not among them

  Rule: the pod with the lower pod-deletion-cost is deleted first

    @conformance:replicaset-scale-down-lower-deletion-cost-first
    Scenario: scaling down removes the pod its user marked as cheapest to lose
      Given the cluster's only schedulable nodes are 2 identical nodes "worker"
      And a replica set "web" with 3 replicas was created and is ready
      And the pod of "web" alone on its node was annotated with kubectl controller.kubernetes.io/pod-deletion-cost=-100
      When replica set "web" is scaled to 2 with kubectl
      Then within 20 seconds replica set "web" has 2 ready pods, and the annotated one is not among them
