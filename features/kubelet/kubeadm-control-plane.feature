@kubelet @k8s:1.32 @needs-real-nodes
Feature: kubeadm runs the control plane as static pods on the control-plane node
  `kubeadm init` writes four manifests into the control-plane node's /etc/kubernetes/manifests:
  etcd, kube-apiserver, kube-controller-manager and kube-scheduler. The node's kubelet runs them
  before any API server exists (one of them is the API server), on the node's own network,
  registers its Node once that API server answers, and shows each static pod as a mirror pod in
  kube-system, so `kubectl -n kube-system get pods` lists the control plane. Editing a manifest
  makes the kubelet replace that pod: that is how kubeadm upgrades a component. These scenarios
  start a second cluster laid out that way, as `npm start -- --kubeadm` does, and look at it
  through kubectl and a shell on its control-plane node.
  Source: kubernetes.io "Creating a cluster with kubeadm" and "Static Pods";
  cmd/kubeadm/app/phases/controlplane/manifests.go, cmd/kubeadm/app/phases/etcd/local.go.

  Background:
    Given a second cluster laid out as kubeadm does, with its control plane in static pods

  @conformance:kubeadm-control-plane-mirror-pods
  Scenario: kubectl lists the control plane as mirror pods, running on the control-plane node's network
    When I run kubectl on that cluster: "-n kube-system get pods -o custom-columns=POD:metadata.name,NODE:spec.nodeName"
    Then kubectl lists exactly these pods and nodes
      | POD                                   | NODE          |
      | etcd-control-plane                    | control-plane |
      | kube-apiserver-control-plane          | control-plane |
      | kube-controller-manager-control-plane | control-plane |
      | kube-scheduler-control-plane          | control-plane |
    And each of them is the mirror pod of a manifest in the control-plane node's manifest folder
    And each of them is Running and Ready, with the control-plane node's own address as its pod IP
    And on the control-plane node, each container is a process the container runtime started: etcd and the API server, controller manager and scheduler programs
    And the control-plane node has its podCIDR from the controller manager it runs

  @conformance:kubeadm-manifest-edit-restarts-component
  Scenario: editing a component's manifest makes the kubelet replace that component
    Given the processes of the control plane on the control-plane node
    When I add the setting "PERCENTAGE_OF_NODES_TO_SCORE" "50" to "kube-scheduler.yaml" on the control-plane node
    Then within 30 seconds mirror pod "kube-scheduler-control-plane" is a new pod, with a new config hash
    And the scheduler runs as a new process, with PERCENTAGE_OF_NODES_TO_SCORE=50 in its environment
    And etcd, the API server and the controller manager run as the same processes as before
    When I create on that cluster a pod "pinned" that tolerates the control-plane taint
    Then within 30 seconds pod "pinned" runs on the control-plane node, bound by the new scheduler
