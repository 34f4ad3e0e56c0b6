@scheduler @k8s:1.32 @needs-simulated-nodes
Feature: A pod can name, select or prefer the nodes it runs on
  nodeName skips the scheduler's choice, nodeSelector and required node affinity filter nodes
  by label, preferred node affinity scores them, a cordoned node takes no new pods, and a host
  port can be used once per node. Source: kubernetes.io "Assigning Pods to Nodes"; the
  NodeName, NodeAffinity, NodeUnschedulable and NodePorts plugins.

  Background:
    Given the cluster's only schedulable nodes are "ssd-1" labelled "disk=ssd" and "hdd-1" labelled "disk=hdd"

  Rule: nodeSelector and required node affinity filter by label

    @conformance:schedule-node-selector-and-required-affinity
    Scenario Outline: a pod selecting <selection> lands on <where>
      When a pod "picky" with <selection> is created
      Then within 10 seconds pod "picky" is bound to node "<where>"

      Examples:
        | selection                                   | where |
        | the nodeSelector "disk=ssd"                 | ssd-1 |
        | required node affinity "disk In (hdd)"      | hdd-1 |
        | required node affinity "disk NotIn (ssd)"   | hdd-1 |

    @conformance:schedule-no-node-matches-selector
    Scenario: no node matches the selector
      When a pod "lost" with the nodeSelector "disk=nvme" is created
      Then within 10 seconds pod "lost" has a FailedScheduling event: "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."

  Rule: preferred node affinity scores, it does not filter

    # NodeAffinity gives hdd-1 200 points more (100 × weight 2), every time: a scheduler that
    # ignored the scores and drew among all nodes would send all 20 pods there 1 time in a million.
    @conformance:schedule-preferred-affinity-scores @exercise-select-host
    Scenario: a preferred label wins every time it can
      When 20 pods "leaning" with preferred node affinity "disk In (hdd)" of weight 50 are scheduled one at a time, each deleted before the next
      Then within 10 seconds the Scheduled events name node "hdd-1" and no other

  Rule: a cordoned node takes no new pods

    @conformance:schedule-cordoned-node-takes-no-pods
    Scenario: kubectl cordon keeps new pods off a node
      Given node "ssd-1" was cordoned with kubectl
      When a pod "newcomer" with the nodeSelector "disk=ssd" is created
      Then within 10 seconds pod "newcomer" has a FailedScheduling event: "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."

  Rule: spec.nodeName bypasses the scheduler

    @conformance:schedule-node-name-bypasses-scheduler
    Scenario: a pod that names its node is never scheduled
      When a pod "pinned" naming node "hdd-1" is created
      Then pod "pinned" runs on node "hdd-1" without a Scheduled event

  Rule: a host port can be taken once per node

    @conformance:schedule-host-port-once-per-node
    Scenario: the third pod wanting host port 8080 finds no node
      Given 2 pods "agent" using host port 8080 were scheduled
      When a pod "agent-3" using host port 8080 is created
      Then within 10 seconds pod "agent-3" has a FailedScheduling event: "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."
