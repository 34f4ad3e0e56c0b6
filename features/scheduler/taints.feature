@scheduler @k8s:1.32
Feature: Taints repel pods that do not tolerate them
  A node's taint keeps off every pod without a matching toleration: NoSchedule forbids it,
  PreferNoSchedule only makes the node less attractive. Source: kubernetes.io "Taints and
  Tolerations"; kube-scheduler's TaintToleration plugin.

  Rule: NoSchedule filters, and a matching toleration lifts it

    @conformance:schedule-noschedule-taint-and-toleration
    Scenario Outline: a pod <tolerating> on a cluster of tainted nodes <outcome>
      Given the cluster's only schedulable nodes are "gpu-1" and "gpu-2", both tainted "dedicated=gpu:NoSchedule"
      When a pod "job" <tolerating> is created
      Then within 10 seconds pod "job" <outcome>

      @exercise-tolerates-taint
      Examples: a toleration matches the taint's key, value and effect, or does not
        | tolerating                                  | outcome                                                                                                                                                                                     |
        | tolerating "dedicated=gpu:NoSchedule"       | is bound to one of "gpu-1, gpu-2"                                                                                                                                                           |
        | tolerating "dedicated:NoSchedule" (Exists)  | is bound to one of "gpu-1, gpu-2"                                                                                                                                                           |
        | tolerating "dedicated=cpu:NoSchedule"       | has a FailedScheduling event: "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling." |
        | tolerating "dedicated=gpu:PreferNoSchedule" | has a FailedScheduling event: "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling." |

      Examples: a pod without tolerations
        | tolerating                                  | outcome                                                                                                                                                                                     |
        | without tolerations                         | has a FailedScheduling event: "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling." |

  Rule: PreferNoSchedule is a preference, not a rule

    @conformance:schedule-prefer-no-schedule-is-preference
    Scenario: an untolerated PreferNoSchedule taint is avoided while another node fits
      Given the cluster's only schedulable nodes are "plain" and "spot", with "spot" tainted "spot=true:PreferNoSchedule"
      When 4 pods "web" without tolerations are created
      Then within 10 seconds all pods "web" are bound to node "plain"
