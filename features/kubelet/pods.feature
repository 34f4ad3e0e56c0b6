@kubelet @k8s:1.32 @needs-real-nodes
Feature: The kubelet registers its node and runs the pods bound to it
  A node is a machine with a kubelet on it. The kubelet creates the node's Node object,
  heartbeats through its Lease, watches the pods bound to its node, and runs each through the
  container runtime in a network namespace of its own, with an address from the node's
  podCIDR; then it writes back what it sees. kubelab's real nodes are privileged containers,
  and their kubelet runs each container as a process (see the kubelet lesson).
  Source: kubernetes.io "Nodes", "Pod Lifecycle", "Cluster Networking", "Images";
  pkg/kubelet (kubelet_node_status.go, kubelet_pods.go, kuberuntime).

  @needs-audit @conformance:kubelet-registers-its-node
  Scenario: a kubelet registers its own node, with its machine's size and address, and heartbeats through its Lease
    Given the cluster's only nodes are real nodes "a"
    Then the audit log shows node "a"'s kubelet created its Node
    And node "a" is labelled with its hostname, "linux" and its architecture
    And node "a" reports the CPUs its container sees, and the address of its container
    And within 10 seconds node "a"'s Lease in "kube-node-lease" is renewed twice, held by "a"

  @conformance:kubelet-runs-a-pod
  Scenario: a pod runs on the node the scheduler chose, with an IP from that node's range, and a pod on another node reaches it
    Given the cluster's only nodes are real nodes "a" and "b"
    When a pod "web" running "kubelab/echo", told its namespace and IP by the downward API, is created with kubectl
    Then within 20 seconds pod "web" is Running on the node it was bound to, with an IP from that node's podCIDR
    And inside that node, a network namespace holds pod "web"'s IP on its eth0
    And from a pod on the other node, curl to pod "web"'s IP and port 8080 answers with its name, namespace and IP

  @conformance:kubelet-image-pull-back-off
  Scenario: an image no node has ends in ErrImagePull, then ImagePullBackOff
    Given the cluster's only nodes are real nodes "a"
    When a pod "typo" running "kubelab/ech0" is created with kubectl
    Then within 15 seconds pod "typo"'s container has waited with reason "ErrImagePull", then "ImagePullBackOff"
    And pod "typo" is "Pending" and has a "Failed" event "Failed to pull image \"kubelab/ech0\""

  @conformance:kubelet-readiness-probe
  Scenario: a failing readiness probe makes the pod not Ready, and nothing restarts it
    Given the cluster's only nodes are real nodes "a"
    And a pod "toggle" running "kubelab/readiness-toggle" with a readiness probe on "/ready" every second is Ready
    When pod "toggle"'s server is told to fail its readiness, from its node
    Then within 10 seconds pod "toggle" is not Ready, with reason "ContainersNotReady" and message "containers with unready status: [main]"
    And pod "toggle" is "Running" and has a "Unhealthy" event "Readiness probe failed: HTTP probe failed with statuscode: 503"
    And pod "toggle"'s restartCount is still 0

  @conformance:kubelet-liveness-probe
  Scenario: a failing liveness probe gets the container restarted
    Given the cluster's only nodes are real nodes "a"
    And a pod "toggle" running "kubelab/readiness-toggle" with a liveness probe on "/ready" every second is Ready
    When pod "toggle"'s server is told to fail its readiness, from its node
    Then within 15 seconds pod "toggle"'s restartCount is 1, and it is Ready again
    And pod "toggle" is "Running" and has a "Killing" event "Container main failed liveness probe, will be restarted"

  @conformance:kubelet-graceful-deletion
  Scenario: a deleted pod's container gets SIGTERM, then SIGKILL after the grace period, before the pod leaves the API
    Given the cluster's only nodes are real nodes "a"
    And a pod "stubborn" running "kubelab/sleeper" with args "--ignore-sigterm" and a grace period of 3 seconds is Running, and its program has said it started
    When pod "stubborn" is deleted with kubectl
    Then pod "stubborn"'s container log on its node says it got SIGTERM
    And pod "stubborn"'s process is gone from its node before the pod is gone from the API, 3 seconds or more after the delete

  @conformance:kubelet-stopped-node
  Scenario: a node whose container stops goes Unknown, and its replica set's pods come back on the other node
    Given the cluster's only nodes are real nodes "a" and "b"
    And a replica set "web" with 2 replicas was created and is ready
    When the container of the node of one of the pods of "web" is stopped
    Then within 30 seconds that node's Ready condition is "Unknown", with reason "NodeStatusUnknown"
    And within 45 seconds replica set "web" has 2 ready pods, none of them on that node
    And the pod left on that node was evicted by the taint-eviction controller
