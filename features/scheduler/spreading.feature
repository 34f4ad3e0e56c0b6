@scheduler @k8s:1.32 @needs-simulated-nodes
Feature: The scheduler spreads pods, and breaks ties at random
  The node with the best total score wins; among nodes that share it the scheduler picks one at
  random, so over many pods every equal node gets some; and replicas of one owner are spread over
  nodes, since Kubernetes' default topology spread constraints score against crowding. Source:
  kube-scheduler's selectHost and the PodTopologySpread plugin's system default constraints.

  Rule: the best score wins, and ties among the best are broken randomly

    # Each pod meets the same three-way tie, so a scheduler that keeps the first (or the last) of
    # the tied nodes sends every pod to the same node. A fair draw leaves some node without a pod
    # in 40 tosses with probability at most 3 × (2/3)^40, below 3 in 10 million.
    @conformance:schedule-tie-any-equal-node-wins @exercise-select-host
    Scenario: one pod at a time on identical empty nodes lands on each of them in turn
      Given the cluster's only schedulable nodes are 3 identical nodes "coin"
      When 40 pods "toss" are scheduled one at a time, each deleted before the next
      Then every pod "toss" was scheduled among 3 nodes tied at the top
      And within 10 seconds the Scheduled events name every "coin" node and no other

    # "dime", with half the cpu, scores 1 less than each "coin" (NodeResourcesFit 96 against 97):
    # it must never win, and the three coins must share the pods as above.
    @conformance:schedule-best-nodes-win-at-random @exercise-select-host
    Scenario: one pod at a time goes to one of the best nodes, each of them in turn, never to a worse one
      Given the cluster's only schedulable nodes are 3 identical nodes "coin" and a node "dime" with 2 CPUs
      When 40 pods "toss" are scheduled one at a time, each deleted before the next
      Then every pod "toss" was scheduled among 3 nodes tied at the top
      And within 10 seconds the Scheduled events name every "coin" node and no other

    # Pods that stay make a node score lower with each pod it takes, so the best node changes:
    # each pod must go to one of the emptiest, and the scheduler counts how many share the top.
    @conformance:schedule-best-node-changes-as-pods-stay @exercise-select-host
    Scenario: pods that stay fill identical nodes evenly, each going to one of the emptiest
      Given the cluster's only schedulable nodes are 3 identical nodes "shelf"
      When 9 pods "book" are scheduled one at a time, each staying where it lands
      Then the pods "book" were scheduled among this many nodes tied at the top, in turn: "3,2,1,3,2,1,3,2,1"
      And the pods "book" lie 3 on each "shelf" node

  Rule: replicas of one owner spread over nodes

    @conformance:schedule-owner-replicas-spread
    Scenario: a replica set's pods land on different nodes
      Given the cluster's only schedulable nodes are 3 identical nodes "zone"
      When a replica set "spread" with 3 replicas is created
      Then within 20 seconds the 3 pods of "spread" are on 3 different nodes
