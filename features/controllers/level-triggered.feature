@controllers @k8s:1.32
Feature: Controllers are level-triggered: interrupted in the middle of their work, they finish it when they can
  A controller does not remember what it was doing: each reconcile compares the object's desired
  state with the actual state it reads, and acts on the difference. So a controller manager
  killed in the middle of a scale-up, or cut off from a restarting API server, picks up from what
  is there when it comes back, and the count ends exact: no pod created twice, none missing.
  Source: kubernetes.io "Controllers" (Controller pattern, Design) and the Kubernetes API
  conventions (Spec and Status: "the system ... drives the current state towards the desired state").

  Rule: A controller manager killed in the middle of a scale-up converges to exactly the desired count when it comes back

    @conformance:level-triggered-controller-manager-killed @needs-component-control @needs-audit
    Scenario: every controller manager is killed while a replica set scales from 0 to 300
      Given a replica set "web" with 0 replicas was created
      When replica set "web" is scaled to 300 with kubectl
      And every controller manager is killed once the first pod of "web" exists
      Then replica set "web" had some but not all of its 300 pods
      When the controller managers are started again
      Then within 60 seconds replica set "web" has exactly 300 pods, and its status says so
      And the audit log shows the controller manager created exactly 300 pods of "web" and deleted none

  Rule: A controller manager whose API server restarts reconnects, and converges to exactly the desired count

    The API server stops gracefully: it answers every request it took before it exits, so a
    create that was done is never reported as failed, and so never done twice.

    @conformance:level-triggered-apiserver-restarted @needs-component-control @needs-audit
    Scenario: the API server restarts while a replica set scales from 0 to 300
      Given a replica set "web" with 0 replicas was created
      When replica set "web" is scaled to 300 with kubectl
      And the API server restarts once the first pod of "web" exists
      Then within 60 seconds replica set "web" has exactly 300 pods, and its status says so
      And the audit log shows pods of "web" created both before and after the restart
      And the audit log shows the controller manager created exactly 300 pods of "web" and deleted none

  Rule: A component that dies, or is killed from outside, is started again, as the kubelet restarts a static pod

    kubeadm runs the control plane as static pods, and the kubelet starts a container that
    exited again (at once the first time, then after 10 s, 20 s, ... up to 5 minutes). kubelab's
    cluster does the same for its components' containers. Until the scheduler is back, new pods
    wait Pending; it then binds them from what it reads, with no memory of the kill.

    @conformance:level-triggered-component-restarted @needs-component-control @needs-simulated-nodes
    Scenario: the scheduler killed from outside is started again, and binds the pod created meanwhile
      Given the cluster's only schedulable nodes are 2 identical nodes "worker"
      When the scheduler is killed from outside, as `podman kill` would
      And a pod "late" requesting 100m CPU is created
      Then within 30 seconds the scheduler was started again
      And within 30 seconds pod "late" is bound to one of "worker 0, worker 1"
