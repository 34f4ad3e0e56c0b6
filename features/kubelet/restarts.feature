@kubelet @k8s:1.32 @needs-real-nodes
Feature: The kubelet restarts containers as restartPolicy says, after a growing back-off, and sums them up in a phase
  "After containers in a Pod exit, the kubelet restarts them with an exponential back-off delay
  (10s, 20s, 40s, …), that is capped at five minutes. Once a container has executed for 10 minutes
  without any problems, the kubelet resets the restart backoff timer for that container." The
  pod's phase is kept nowhere: the kubelet computes it from its containers at every sync.
  kubelab's test clusters shorten the back-off to 1 s, doubling up to 4 s, started over after 8 s.
  Source: kubernetes.io "Pod Lifecycle"; pkg/kubelet/kubelet_pods.go (getPhase),
  pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff), client-go util/flowcontrol/backoff.go.

  Rule: Restarts come at once, then after a back-off that doubles up to a limit and starts over after a long run

    @conformance:kubelet-crash-loop-back-off @exercise-crash-loop-back-off
    Scenario: a container that keeps crashing is restarted at once, then after a back-off that doubles
      Given the cluster's only nodes are real nodes "a"
      When a pod "crashy" running "kubelab/crasher" with args "0.2" is created with kubectl
      Then within 30 seconds pod "crashy"'s container "main" has waited in "CrashLoopBackOff" for "1s, 2s, 4s, 4s"
      And pod "crashy"'s restartCount has grown to at least 3, and its last state is terminated with exit code 1

    # Each container has a back-off of its own. "quick" crashes after 0.2 s, every time; "slow"
    # after 9 s, longer than twice the longest back-off (4 s here), so each of its crashes is
    # the first again.
    @conformance:kubelet-crash-loop-back-off-starts-over @exercise-crash-loop-back-off
    Scenario Outline: containers back off each on their own, and one that ran long starts over: restartPolicy <policy>
      Given the cluster's only nodes are real nodes "a"
      When pod "app" is created with kubectl from:
        """
        spec:
          restartPolicy: <policy>
          containers:
            - { name: quick, image: kubelab/crasher, args: ["0.2"] }
            - { name: slow, image: kubelab/crasher, args: ["9"] }
        """
      Then within 30 seconds pod "app"'s container "quick" has waited in "CrashLoopBackOff" for "1s, 2s, 4s, 4s"
      And within 40 seconds pod "app"'s container "slow" has waited in "CrashLoopBackOff" for "1s, 1s"

      Examples:
        | policy    |
        | Always    |
        | OnFailure |

  Rule: A pod's phase sums up its containers and its restartPolicy, and never goes back

    # A container exits with its code (kubelab/exit), or "runs" on (kubelab/sleeper). As the
    # restartPolicy says means: restarted at least twice if Always (any exit) or OnFailure (a
    # non-zero exit) restarts it, never otherwise; an init container that exits 0 has completed.

    # One pod per way of ending for good: all exited 0, one failed, an init container failed under
    # Never (so the pod's own container never starts).
    @conformance:kubelet-pod-ended @exercise-pod-phase
    Scenario: a pod whose containers all ended for good is Succeeded, or Failed if one failed, and stays so
      Given the cluster's only nodes are real nodes "a"
      When these pods are created with kubectl, whose containers exit with the codes given or run on:
        | pod             | restartPolicy | init containers | containers | phase     |
        | all-zero        | Never         |                 | 0, 0       | Succeeded |
        | failed          | Never         |                 | 3          | Failed    |
        | one-failed      | Never         |                 | 0, 3       | Failed    |
        | zero-on-failure | OnFailure     |                 | 0          | Succeeded |
        | init-failed     | Never         | 3               | runs       | Failed    |
      Then within 20 seconds each pod is in its phase, and has restarted its containers as its restartPolicy says
      And no pod's phase went back: none left Succeeded or Failed, none went from Running to Pending

    # Always restarts every exit, OnFailure a non-zero one: such a pod runs on, and so does one with
    # a container still running beside a failed one. Init containers that have not completed keep
    # the pod Pending.
    @conformance:kubelet-restart-policy @exercise-pod-phase
    Scenario: a pod whose containers run, or will run again, is Running; Pending until its init containers complete
      Given the cluster's only nodes are real nodes "a"
      When these pods are created with kubectl, whose containers exit with the codes given or run on:
        | pod            | restartPolicy | init containers | containers | phase   |
        | always-zero    | Always        |                 | 0          | Running |
        | on-failure     | OnFailure     |                 | 3          | Running |
        | one-on-failure | OnFailure     |                 | 0, 3       | Running |
        | one-runs-on    | Never         |                 | 3, runs    | Running |
        | init-retried   | OnFailure     | 3               | runs       | Pending |
      Then within 20 seconds each pod is in its phase, and has restarted its containers as its restartPolicy says
      And no pod's phase went back: none left Succeeded or Failed, none went from Running to Pending
