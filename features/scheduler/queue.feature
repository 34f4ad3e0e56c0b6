@scheduler @k8s:1.32 @needs-simulated-nodes
Feature: Pending pods wait in a priority queue, and each scheduler takes only its own pods
  Higher-priority pods are scheduled first; a pod names its scheduler in spec.schedulerName and
  other schedulers leave it alone. Source: kubernetes.io "Pod Priority and Preemption",
  "Configure Multiple Schedulers".

  Rule: priority orders the queue

    @conformance:schedule-priority-orders-queue
    Scenario: the high-priority pod takes the last slot
      Given the cluster has no schedulable nodes
      And a low-priority pod "low" and a high-priority pod "high", each requesting 1 CPU, were created and are Pending
      When a node "one-slot" with 1 CPU joins the cluster
      Then within 20 seconds pod "high" is bound to node "one-slot"
      And pod "low" has no node

  Rule: a pod for another scheduler is left alone

    @conformance:schedule-other-scheduler-left-alone
    Scenario: the default scheduler ignores a pod for "my-scheduler"
      Given the cluster's only schedulable nodes are "free" with 4 CPUs
      When a pod "foreign" for the scheduler "my-scheduler" is created, then a pod "native"
      Then within 10 seconds pod "native" is bound to node "free"
      And pod "foreign" has no node and no event from the default scheduler
