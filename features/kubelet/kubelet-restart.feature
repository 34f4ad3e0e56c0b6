@kubelet @k8s:1.32 @needs-real-nodes
Feature: The pods run on while the kubelet restarts
  The kubelet is a process of the node, started by systemd, which starts it again when it
  exits. The pods' containers are not its children: they belong to the container runtime,
  another process of the node, which the kubelet calls through the container runtime
  interface. So a kubelet that crashes or is restarted leaves the pods running; the new kubelet
  finds them in the runtime and adopts them, restarting nothing. kubelab's nodes run the same
  way: an init starts the runtime, then the kubelet, and starts the kubelet again after it exits.
  Source: kubernetes.io "Container Runtime Interface (CRI)", "Nodes"; pkg/kubelet/kuberuntime
  (computePodActions), pkg/kubelet/pleg.

  @conformance:kubelet-restart-keeps-pods
  Scenario: a kubelet killed on its node is started again, and adopts the pod that ran on meanwhile
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" is created with kubectl
    And within 20 seconds pod "web" is Running on the node it was bound to, with an IP from that node's podCIDR
    When the kubelet of node "a" is killed with SIGKILL, as a crash would
    Then within 20 seconds another kubelet runs on node "a", and its log says it adopted 1 pod
    And pod "web"'s processes on its node are the ones that ran before the kubelet was killed
    And pod "web" still has its IP and start time, its restartCount is still 0, and it never stopped being Ready
    And a pod "later" running "kubelab/echo" is created with kubectl
    And within 20 seconds pod "later" is Running on the node it was bound to, with an IP from that node's podCIDR

  @conformance:kubelet-restart-stops-deleted-pods
  Scenario: a pod deleted for good while the kubelet is down is stopped by the kubelet that comes back
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" is created with kubectl
    And within 20 seconds pod "web" is Running on the node it was bound to, with an IP from that node's podCIDR
    When the kubelet of node "a" is killed with SIGKILL, as a crash would
    And while no kubelet runs on node "a", pod "web" is deleted at once with kubectl
    Then within 20 seconds another kubelet runs on node "a", and its log says it adopted 1 pod
    And within 10 seconds pod "web"'s processes and network namespace are gone from its node, stopped by the kubelet's housekeeping

  # A reboot is harder on a node than a kubelet restart: the runtime goes too, and with it every
  # pod's processes. The kubelet that comes back registers again (its Node is there already),
  # finds its pods in the API, and runs them again in new sandboxes. The pod keeps its start time;
  # kubelab's runtime forgets its containers, so their restartCount starts again from 0, where
  # containerd, which keeps them on disk, would count the reboot as a restart.
  @conformance:node-reboot-runs-pods-again
  Scenario: a node container restarted, as a machine reboots, runs its pods again as new processes
    Given the cluster's only nodes are real nodes "a"
    And a pod "web" running "kubelab/echo" is created with kubectl
    And within 20 seconds pod "web" is Running on the node it was bound to, with an IP from that node's podCIDR
    When the container of node "a" is restarted, as a machine reboots
    Then within 30 seconds pod "web" runs again on its node as new processes, its echo server answering on its pod's IP
    And pod "web" kept its start time, and node "a" is Ready with the podCIDR it had
