@scheduler @k8s:1.32
Feature: The scheduler spreads pods, and breaks ties at random
  Among nodes with the best score the scheduler picks one at random, so over many pods every
  equal node gets some; and replicas of one owner are spread over nodes, since Kubernetes'
  default topology spread constraints score against crowding. Source: kube-scheduler's
  selectHost and the PodTopologySpread plugin's system default constraints.

  Rule: ties are broken randomly

    @conformance:schedule-ties-broken-randomly @exercise-select-host
    Scenario: identical nodes all receive pods
      Given the cluster's only schedulable nodes are 3 identical nodes "twin"
      When 30 pods "tie" requesting nothing are created
      Then within 30 seconds every "twin" node has at least one pod "tie"

    @conformance:schedule-tie-any-equal-node-wins @exercise-select-host
    Scenario: one pod at a time on identical empty nodes lands on each of them in turn
      Given the cluster's only schedulable nodes are 3 identical nodes "coin"
      When 30 pods "toss" are scheduled one at a time, each deleted before the next
      Then within 10 seconds the Scheduled events name every "coin" node

  Rule: replicas of one owner spread over nodes

    @conformance:schedule-owner-replicas-spread
    Scenario: a replica set's pods land on different nodes
      Given the cluster's only schedulable nodes are 3 identical nodes "zone"
      When a replica set "spread" with 3 replicas is created
      Then within 20 seconds the 3 pods of "spread" are on 3 different nodes
