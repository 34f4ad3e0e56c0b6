@kubelet @k8s:1.32 @needs-real-nodes
Feature: kubectl exec and attach, through the API server to the pod's kubelet

  kubectl 1.32 asks the API server's pods/<name>/exec to upgrade its request to a WebSocket
  (subprotocol v5.channel.k8s.io). The API server checks the pod, its container and the node
  it is bound to, sends the same upgrade on to that node's kubelet, and copies bytes both ways.
  The kubelet runs the command beside the container, in the pod's network namespace; its
  output goes back on streams 1 and 2, and its end on stream 3: Success, or NonZeroExitCode
  with the code, which kubectl exits with. `kubectl attach` takes the same way, to the
  container's own process: what it prints from then on, until it exits.
  Source: kubernetes.io "Get a Shell to a Running Container"; pkg/registry/core/pod
  (strategy.go ExecLocation), pkg/kubelet/cri/streaming/remotecommand, client-go's
  tools/remotecommand (websocket.go).

  @conformance:kubelet-exec
  Scenario: kubectl exec runs a command in the pod's network namespace, on the pod's node
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" was created with kubectl, and its program has logged its first line
    When kubectl exec runs "curl -s localhost:8080" in pod "web"
    Then it printed the echo server's answer with pod "web"'s IP: it ran in the pod's network namespace
    And node "a"'s kubelet log shows it was asked for "/exec/<namespace>/<pod web>/main"

  @conformance:kubelet-exec-streams
  Scenario: kubectl exec carries standard input, output and error, and exits with the command's code
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" was created with kubectl and is Running
    When kubectl exec -i runs sh -c "cat; echo oops >&2; exit 3" in pod "web", with "hello from stdin" on its standard input
    Then kubectl exited 3, printing "hello from stdin" on its standard output, and "oops" then "command terminated with exit code 3" on its standard error

  @conformance:kubelet-attach
  Scenario: kubectl attach shows what the container prints from then on, and ends when it exits
    Given the cluster's only nodes are real nodes "a"
    And a pod "crash" with restartPolicy "Never" running "kubelab/crasher" with args "3" has logged "crasher: up, crashing in 3 s"
    When kubectl attach joins pod "crash"
    Then kubectl ended by itself once the container exited, having shown "crasher: crashing now" but not "crasher: up, crashing in 3 s", printed before it joined
    And node "a"'s kubelet log shows it was asked for "/attach/<namespace>/<pod crash>/main"
