@controllers @k8s:1.32 @needs-simulated-nodes
Feature: A node whose heartbeats stop is marked Unknown, tainted unreachable, and its pods are evicted
  Nodes heartbeat through Leases in kube-node-lease. After --node-monitor-grace-period without one
  (50 s since 1.32) the node lifecycle controller sets the node's conditions to Unknown and taints
  it node.kubernetes.io/unreachable; the taint-eviction controller then deletes its pods once their
  tolerationSeconds are over (300 s, from the DefaultTolerationSeconds admission plugin), and their
  replica sets recreate them elsewhere. This cluster runs with 10 s and 5 s. Source: kubernetes.io
  "Nodes" (Heartbeats, Node controller) and "Taints and Tolerations" (Taint based Evictions).

  Background:
    Given the cluster's only schedulable nodes are 3 identical nodes "worker"

  Rule: A node that stops heartbeating goes Unknown, with the reason Kubernetes gives, and is tainted unreachable

    @conformance:node-lifecycle-silent-node-unknown
    Scenario: the kubelet of a node stops
      When the heartbeats of node "worker 0" stop
      Then within 30 seconds kubectl get nodes shows node "worker 0" as NotReady
      And node "worker 0" has the condition Ready "Unknown" with reason "NodeStatusUnknown" and message "Kubelet stopped posting node status."
      And within 10 seconds node "worker 0" is tainted "node.kubernetes.io/unreachable:NoSchedule" and "node.kubernetes.io/unreachable:NoExecute"

  Rule: The API server gives every pod a toleration of not-ready and unreachable nodes, for a limited time

    @conformance:node-lifecycle-default-tolerations
    Scenario: a pod created without tolerations gets the default ones
      When a pod "plain" without tolerations is created
      Then pod "plain" tolerates "node.kubernetes.io/not-ready:NoExecute" and "node.kubernetes.io/unreachable:NoExecute" for the default toleration seconds

  Rule: Pods on an unreachable node are evicted after their toleration seconds, and their replica set recreates them elsewhere

    @conformance:node-lifecycle-pods-recreated-elsewhere
    Scenario: a replica set's pod on a silent node comes back on another node
      Given a replica set "web" with 2 replicas was created and is ready
      When the heartbeats of the node of one of the pods of "web" stop
      Then within 45 seconds replica set "web" has 2 ready pods, none of them on that node
      And the pod left on that node was evicted by the taint-eviction controller

    @conformance:node-lifecycle-toleration-seconds
    Scenario: a pod that tolerates unreachable for longer stays
      Given a pod "patient" tolerating "node.kubernetes.io/unreachable:NoExecute" for 3600 seconds runs on node "worker 1"
      And a pod "impatient" with the default tolerations runs on node "worker 1"
      When the heartbeats of node "worker 1" stop
      Then within 45 seconds pod "impatient" was evicted by the taint-eviction controller
      And pod "patient" is not marked for deletion

  Rule: When the heartbeats resume, the node is Ready again and its taints are gone

    @conformance:node-lifecycle-recovers
    Scenario: the kubelet comes back
      Given the heartbeats of node "worker 2" stopped and it was tainted unreachable
      When the heartbeats of node "worker 2" resume
      Then within 20 seconds kubectl get nodes shows node "worker 2" as Ready
      And node "worker 2" has no "node.kubernetes.io/unreachable" taint
