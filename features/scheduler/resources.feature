@scheduler @k8s:1.32
Feature: The scheduler places a pod only on a node with room for its requests
  The scheduler filters out the nodes whose allocatable resources, minus what their pods
  already request, cannot hold the pod's requests, then scores the rest; by default it prefers
  the least allocated node. A pod that fits nowhere stays Pending and says why.
  Source: kubernetes.io "Resource Management for Pods and Containers", "Scheduling Framework";
  kube-scheduler's NodeResourcesFit plugin.

  Background:
    Given the cluster's only schedulable nodes are "small" with 1 CPU and "large" with 4 CPUs

  Rule: A node without room for the requests is filtered out

    @conformance:schedule-pod-to-node-with-room @exercise-fits
    Scenario Outline: a pod requesting <cpu> CPU lands on <where>
      When a pod "app" requesting <cpu> CPU is created
      Then within 10 seconds pod "app" is bound to node "<where>"

      Examples:
        | cpu  | where |
        | 3    | large |
        | 3500m| large |

    @conformance:schedule-pod-pending-when-nothing-fits @exercise-fits
    Scenario: a pod too big for every node stays Pending and says why
      When a pod "huge" requesting 8 CPU is created
      Then within 10 seconds pod "huge" has the condition PodScheduled=False with reason "Unschedulable"
      And pod "huge" has a FailedScheduling event: "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."
      And pod "huge" has no node

  Rule: Requests already placed on a node count against it

    @conformance:schedule-placed-requests-count @exercise-fits
    Scenario: the second big pod does not fit where the first went
      Given a pod "first" requesting 3 CPU was bound to node "large"
      When a pod "second" requesting 2 CPU is created
      Then within 10 seconds pod "second" has a FailedScheduling event: "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."

  Rule: LeastAllocated prefers the emptiest node

    @conformance:schedule-least-allocated-prefers-emptiest @exercise-least-allocated-score
    Scenario: a small pod goes to the node with the most room left
      When a pod "tiny" requesting 100m CPU is created
      Then within 10 seconds pod "tiny" is bound to node "large"
      And the scheduler's explanation for pod "tiny" gives "large" a higher NodeResourcesFit score than "small"
      And the scheduler's explanation for pod "tiny" is saved as "least-allocated"

  Rule: A Pending pod is retried when the cluster changes

    @conformance:schedule-retry-when-node-appears @exercise-fits
    Scenario: a pod waits until a node that fits appears
      Given a pod "patient" requesting 6 CPU was created and is Pending
      When a node "huge" with 8 CPUs joins the cluster
      Then within 20 seconds pod "patient" is bound to node "huge"
