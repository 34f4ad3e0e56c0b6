@kubelet @k8s:1.32 @needs-real-nodes
Feature: kubectl logs, from the kubelet through the API server

  The API server keeps no logs. For `kubectl logs` it picks the container, finds the node the
  pod is bound to, and asks that node's kubelet for GET /containerLogs/<namespace>/<pod>/<container>:
  one of the few calls that go from the API server to a component. The kubelet reads the log
  file the runtime wrote, one CRI line per line the container printed
  (`<time> stdout F <text>`), and sends the text back; the API server passes it on.
  Source: kubernetes.io "kubectl logs", "Logging Architecture"; pkg/registry/core/pod
  (strategy.go LogLocation), pkg/kubelet (kubelet_pods.go validateContainerLogStatus).

  @conformance:kubelet-logs @needs-audit
  Scenario: kubectl logs shows what the container printed, which the API server got from its node's kubelet
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" was created with kubectl, and its program has logged its first line
    When the logs of pod "web" are read with kubectl
    Then they are the lines of its container's log file on node "a", without the runtime's time, stream and tag
    And node "a"'s kubelet log shows it was asked for "/containerLogs/<namespace>/<pod web>/main"
    And the audit log shows kubectl's get of pods/log for pod "web", answered 200

  @conformance:kubelet-logs-follow
  Scenario: kubectl logs -f follows the container, stderr too, and ends when the container exits
    Given the cluster's only nodes are real nodes "a"
    And a pod "crash" with restartPolicy "Never" running "kubelab/crasher" with args "3" has logged "crasher: up, crashing in 3 s"
    When the logs of pod "crash" are followed with kubectl logs -f
    Then kubectl ends by itself once the container has exited, having printed "crasher: crashing now" after "crasher: up, crashing in 3 s"

  @conformance:kubelet-logs-previous
  Scenario: kubectl logs --previous shows the container that ran before the restart
    Given the cluster's only nodes are real nodes "a"
    And a pod "crash" with restartPolicy "Always" running "kubelab/crasher" with args "6" has restarted once
    When the logs of pod "crash" are read with kubectl, with "--previous"
    Then they end with "crasher: crashing now"
    And they are the lines of its first run's log file, "0.log" on its node: the second run still runs

  @conformance:kubelet-logs-refused
  Scenario Outline: a log the kubelet or the API server cannot give is refused with its reason: <case>
    Given the cluster's only nodes are real nodes "a"
    And a pod "p" running "<image>" was created with kubectl and its container is <state>
    When kubectl "<command>" is run in the scenario's namespace
    Then kubectl fails, and its error is: Error from server (BadRequest): <message>

    Examples:
      | case                          | image           | state                     | command                                                              | message                                                                                  |
      | no run before this one        | kubelab/sleeper | running                   | logs <pod p> --previous                                              | previous terminated container "main" in pod "<pod p>" not found                          |
      | an image no node has          | kubelab/ech0    | waiting: ImagePullBackOff | logs <pod p>                                                         | container "main" in pod "<pod p>" is waiting to start: trying and failing to pull image |
      | a container the pod has not   | kubelab/sleeper | running                   | get --raw /api/v1/namespaces/<namespace>/pods/<pod p>/log?container=x | container x is not valid for pod <pod p>                                                 |
