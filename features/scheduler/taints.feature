@scheduler @k8s:1.32 @needs-simulated-nodes
Feature: Taints repel pods that do not tolerate them
  A node's taint keeps off every pod without a matching toleration: NoSchedule forbids it,
  PreferNoSchedule only makes the node less attractive. Source: kubernetes.io "Taints and
  Tolerations"; kube-scheduler's TaintToleration plugin.

  Rule: NoSchedule filters, and a matching toleration lifts it

    # One pod per way of matching: every field as in the taint, the operator left out (Equal),
    # Exists without a value, no effect (every effect), and no key with Exists (every taint).
    @conformance:schedule-noschedule-taint-and-toleration @exercise-tolerates-taint
    Scenario: pods whose toleration matches the taint go onto the tainted nodes
      Given the cluster's only schedulable nodes are "gpu-1" and "gpu-2", both tainted "dedicated=gpu:NoSchedule"
      When these pods are created, each with one toleration:
        | pod          | key       | operator | value | effect     |
        | exact        | dedicated | Equal    | gpu   | NoSchedule |
        | no-operator  | dedicated |          | gpu   | NoSchedule |
        | exists       | dedicated | Exists   |       | NoSchedule |
        | any-effect   | dedicated | Equal    | gpu   |            |
        | any-taint    |           | Exists   |       |            |
      Then within 10 seconds every pod is bound to one of "gpu-1, gpu-2"

    # One pod per way of missing: another value, no value under Equal, another effect, another key
    # under Exists, and no toleration at all.
    @conformance:schedule-untolerated-taint-keeps-pods-off @exercise-tolerates-taint
    Scenario: pods whose toleration does not match the taint stay Pending and say why
      Given the cluster's only schedulable nodes are "gpu-1" and "gpu-2", both tainted "dedicated=gpu:NoSchedule"
      When these pods are created, each with one toleration:
        | pod          | key       | operator | value | effect           |
        | other-value  | dedicated | Equal    | cpu   | NoSchedule       |
        | no-value     | dedicated | Equal    |       | NoSchedule       |
        | other-effect | dedicated | Equal    | gpu   | PreferNoSchedule |
        | other-key    | team      | Exists   |       | NoSchedule       |
      And a pod "bare" without tolerations is created
      Then within 10 seconds every pod has a FailedScheduling event: "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."

  Rule: PreferNoSchedule is a preference, not a rule

    @conformance:schedule-prefer-no-schedule-is-preference
    Scenario: an untolerated PreferNoSchedule taint is avoided while another node fits
      Given the cluster's only schedulable nodes are "plain" and "spot", with "spot" tainted "spot=true:PreferNoSchedule"
      When 4 pods "web" without tolerations are created
      Then within 10 seconds all pods "web" are bound to node "plain"
