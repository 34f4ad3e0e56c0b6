@controllers @k8s:1.32 @exercise-pods-to-delete @needs-simulated-nodes
Feature: On scale-down a ReplicaSet deletes the pods that matter least first
  Pods not yet scheduled go before scheduled ones, pending before running, not ready before
  ready, then the lower pod-deletion-cost, then pods on nodes crowded with their relatives, then
  the pods ready most recently, then those whose containers restarted most, then the newest. Source: kubernetes.io "ReplicaSet" (Scaling a ReplicaSet, Pod
  deletion cost); kube-controller-manager's replicaset controller (getPodsToDelete, ActivePodsWithRanks).

  Rule: an unscheduled pod goes first, then a pod not ready, then the lower deletion cost, then the pod ready most recently

    Among pods that are not ready, the one whose container restarted more goes first; among
    equals, the newer.

    @conformance:replicaset-scale-down-unscheduled-first
    Scenario: scaling down one pod at a time removes the unscheduled pod, then the ones not ready, then the cheapest, then the newest ready
      Given the cluster's only schedulable nodes are "tight" with 6 CPUs
      And a replica set "web" of pods requesting 1 CPU each grew one pod at a time, a second apart, to 7 pods, of which 6 run
      And the 1st created pod of "web" was reported not ready after its container restarted once
      And the 3rd created pod of "web" was reported not ready
      And the 5th created pod of "web" was reported not ready
      And the 2nd created pod of "web" was annotated with kubectl controller.kubernetes.io/pod-deletion-cost=-100
      And the 4th created pod of "web" was reported not ready, then ready again
      When replica set "web" is scaled down one pod at a time to 1 with kubectl
      Then the pods of "web" were deleted in this order, one at each step:
        | pod             | why                                                                         |
        | the 7th created | it found no node                                                            |
        | the 1st created | it is not ready, and its container restarted, though it is the oldest       |
        | the 5th created | it is not ready, and newer than the 3rd                                     |
        | the 3rd created | it is not ready                                                             |
        | the 2nd created | its deletion cost is the lowest of the ready pods, though it is the oldest  |
        | the 4th created | it became ready again after the 6th became ready, though it is older        |

  Rule: among ready pods, the lower pod-deletion-cost goes first, then a pod on the node most crowded with its relatives

    A pod's relatives are the pods of every ReplicaSet of the same Deployment; a ReplicaSet that
    no Deployment owns ranks all its pods alike.

    @conformance:replicaset-scale-down-lower-deletion-cost-first
    Scenario: scaling a deployment down removes the pod marked cheapest to lose, then one from the most crowded node
      Given the cluster's only schedulable nodes are 3 identical nodes "worker"
      And a deployment "web" with 4 replicas was applied and has rolled out
      And two pods of "web" share a node, and the other two are alone on theirs
      And one of the pods of "web" alone on its node was annotated with kubectl controller.kubernetes.io/pod-deletion-cost=-100
      And the other pod of "web" alone on its node was reported not ready, then ready again
      When deployment "web" is scaled down one pod at a time to 2 with kubectl
      Then the pods of "web" were deleted in this order, one at each step:
        | pod                      | why                                                       |
        | the annotated one        | its deletion cost is the lowest, though it is alone on its node |
        | one of the two on a node | its node holds the most pods of "web", though the other pod alone became ready last |
