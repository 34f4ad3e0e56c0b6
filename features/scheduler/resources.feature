@scheduler @k8s:1.32 @needs-simulated-nodes
Feature: The scheduler places a pod only on a node with room for its requests
  The scheduler filters out the nodes whose allocatable resources, minus what their pods
  already request, cannot hold the pod's requests, or that already run as many pods as they
  allow, then scores the rest; by default it prefers the least allocated node. A pod that fits
  nowhere stays Pending and says why.
  Source: kubernetes.io "Resource Management for Pods and Containers", "Scheduling Framework";
  kube-scheduler's NodeResourcesFit plugin.

  Background:
    Given the cluster's only schedulable nodes are "small" with 1 CPU and "large" with 4 CPUs

  Rule: A node without room for the requests is filtered out

    # Each node lacks something else: "large" cpu and memory, because of what "first" requests,
    # "kiosk" a pod slot, though it has cpu and memory to spare. "small" has exactly enough.
    @conformance:schedule-pod-to-node-with-room @exercise-fits
    Scenario: a pod lands on the only node with room left, even when it fills that node exactly
      Given a pod "first" requesting 3500m CPU and 1Gi of memory was bound to node "large"
      And a node "kiosk" with 8 CPUs and room for 1 pod joined the cluster
      And a pod "resident" naming node "kiosk" was created
      When a pod "app" requesting 1 CPU and 8Gi of memory is created
      Then within 10 seconds pod "app" is bound to node "small"
      And the scheduler's explanation for pod "app" shows these nodes rejected by NodeResourcesFit:
        | node  | reasons                               |
        | large | Insufficient cpu, Insufficient memory |
        | kiosk | Too many pods                         |

    # The message counts every shortfall of every node, and only of what the pod asks for:
    # "large" is over-committed on cpu by a pod that named it, but the pod asks for memory
    # only. Every node lacks the memory, and "kiosk" a pod slot too.
    @conformance:schedule-pod-pending-when-nothing-fits @exercise-fits
    Scenario: a pod that fits nowhere stays Pending and counts what each node lacks
      Given a pod "first" requesting 5 CPU and naming node "large" was created
      And a node "kiosk" with 8 CPUs and room for 1 pod joined the cluster
      And a pod "resident" naming node "kiosk" was created
      When a pod "huge" requesting only 9Gi of memory is created
      Then within 10 seconds pod "huge" has the condition PodScheduled=False with reason "Unschedulable"
      And pod "huge" has a FailedScheduling event: "0/3 nodes are available: 1 Too many pods, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
      And pod "huge" has no node

    # "spare" is over-committed on cpu by a pod that named it (no scheduler checked that one),
    # and holds one pod of the two it allows; "small" and "large" have no memory left. A pod
    # that asks for memory only still fits "spare", in its last pod slot.
    @conformance:schedule-unrequested-resource-not-checked @exercise-fits
    Scenario: a pod is not refused for a resource it does not request, and takes a node's last pod slot
      Given a node "spare" with 8 CPUs and room for 2 pods joined the cluster
      And a pod "squatter" requesting 9 CPU and naming node "spare" was created
      And a pod "hog" requesting only 8Gi of memory and naming node "large" was created
      And a pod "glutton" requesting only 8Gi of memory and naming node "small" was created
      When a pod "light" requesting only 1Gi of memory is created
      Then within 10 seconds pod "light" is bound to node "spare"
      And the scheduler's explanation for pod "light" shows these nodes rejected by NodeResourcesFit:
        | node  | reasons             |
        | small | Insufficient memory |
        | large | Insufficient memory |

  Rule: LeastAllocated prefers the emptiest node

    # The lesson works these scores out by hand: small (1000 − 100) × 100 / 1000 = 90 for cpu,
    # 97 for memory, 93 in all; large 97 and 97, 97 in all.
    @conformance:schedule-least-allocated-prefers-emptiest @exercise-least-allocated-score
    Scenario: a small pod goes to the node with the most room left
      When a pod "tiny" requesting 100m CPU is created
      Then within 10 seconds pod "tiny" is bound to node "large"
      And the scheduler's explanation for pod "tiny" gives these NodeResourcesFit scores:
        | node  | score |
        | small | 93    |
        | large | 97    |
      And the scheduler's explanation for pod "tiny" gives "large" a higher NodeResourcesFit score than "small"
      And the scheduler's explanation for pod "tiny" is saved as "least-allocated"

    # "full" takes all of small's cpu, and "light", requesting nothing, counts as 100m more:
    # cpu scores 0 there, not (1000 − 1100) × 100 / 1000 = −10; memory (8Gi − 2 × 200Mi) scores
    # 95, so small scores (0 + 95) / 2 = 47. large scores 97, as above. "bare" has no resource
    # to score at all, and the mean of nothing is 0, not 0 / 0.
    @conformance:schedule-least-allocated-overcommitted-scores-zero @exercise-least-allocated-score
    Scenario: a resource requested beyond what the node has scores 0, not less, and a node with nothing scores 0
      Given a pod "full" requesting 1 CPU and naming node "small" was created
      And a node "bare" with no cpu and no memory to offer joined the cluster
      When a pod "light" requesting nothing is created
      Then within 10 seconds pod "light" is bound to node "large"
      And the scheduler's explanation for pod "light" gives these NodeResourcesFit scores:
        | node  | score |
        | small | 47    |
        | large | 97    |
        | bare  | 0     |

  Rule: A Pending pod is retried when the cluster changes

    @conformance:schedule-retry-when-node-appears @exercise-fits
    Scenario: a pod waits until a node that fits appears, even one it fills exactly
      Given a pod "patient" requesting 6 CPU was created and is Pending
      When a node "huge" with 6 CPUs and room for 1 pod joins the cluster
      Then within 20 seconds pod "patient" is bound to node "huge"
