@kubelet @k8s:1.32 @needs-real-nodes
Feature: Init containers run one at a time, each to completion, before the pod's containers
  "Init containers always run to completion. Each init container must complete successfully
  before the next one starts." Until they all have, the pod is Pending, its containers wait
  with reason PodInitializing, and its Initialized condition is False. An init container that
  fails runs again, with back-off, unless the pod's restartPolicy is Never: then the pod has
  failed.
  Source: kubernetes.io "Init Containers"; pkg/kubelet/kubelet_pods.go (getPhase),
  pkg/kubelet/status/generate.go (GeneratePodInitializedCondition).

  @conformance:kubelet-init-containers-in-order
  Scenario: two init containers run one after the other, and the pod's container starts after both
    Given the cluster's only nodes are real nodes "a"
    When pod "app" is created with kubectl from:
      """
      spec:
        initContainers:
          - { name: first, image: kubelab/exit, args: ["0", "2"] }
          - { name: second, image: kubelab/exit, args: ["0", "2"] }
        containers:
          - { name: main, image: kubelab/sleeper }
      """
    Then within 30 seconds pod "app" is "Running"
    And pod "app"'s init containers "first" and "second" completed, the second started after the first ended, and its container "main" after both
    And while pod "app"'s init container "first" ran, the pod was "Pending", its condition Initialized "False" with message "containers with incomplete status: [first second]"

  @conformance:kubelet-init-container-fails
  Scenario: an init container that fails under restartPolicy Never fails the pod, and its container never starts
    Given the cluster's only nodes are real nodes "a"
    When pod "app" is created with kubectl from:
      """
      spec:
        restartPolicy: Never
        initContainers:
          - { name: setup, image: kubelab/exit, args: ["3"] }
        containers:
          - { name: main, image: kubelab/sleeper }
      """
    Then within 20 seconds pod "app" is "Failed"
    And pod "app"'s init container "setup" terminated with exit code 3, and its container "main" waits with reason "PodInitializing"

  @conformance:kubelet-init-container-retried
  Scenario: an init container that fails under restartPolicy OnFailure runs again, and the pod stays Pending
    Given the cluster's only nodes are real nodes "a"
    When pod "app" is created with kubectl from:
      """
      spec:
        restartPolicy: OnFailure
        initContainers:
          - { name: setup, image: kubelab/exit, args: ["3"] }
        containers:
          - { name: main, image: kubelab/sleeper }
      """
    Then within 20 seconds pod "app"'s container "setup" has restarted at least 2 times, and the pod is "Pending"
