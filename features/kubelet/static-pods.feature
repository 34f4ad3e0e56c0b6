@kubelet @k8s:1.32 @needs-real-nodes
Feature: The kubelet runs static pods from its manifest folder, and shows each as a mirror pod
  A static pod is a file in the kubelet's manifest folder (--pod-manifest-path; kubeadm's is
  /etc/kubernetes/manifests). The kubelet runs it without asking the API server, then creates a
  mirror pod in the API, named <pod>-<node> and owned by the Node, so that kubectl can see it;
  deleting the mirror pod does not stop the static pod. Editing the file replaces the pod;
  removing it stops the pod and deletes the mirror. kubeadm runs the control plane this way.
  Source: kubernetes.io "Create static Pods"; pkg/kubelet/config (file.go, common.go),
  pkg/kubelet/pod/mirror_client.go.

  # Every mirror pod a scenario sees is checked whole: named <pod>-<node>, annotated
  # kubernetes.io/config.source "file", kubernetes.io/config.hash (the static pod's uid) and
  # kubernetes.io/config.mirror (the same hash), owned by the Node, and bound to it.
  @needs-audit @conformance:static-pod-runs-with-a-mirror @exercise-static-pod
  Scenario: a manifest placed in the folder runs, and a mirror pod named after the node shows it
    Given the cluster's only nodes are real nodes "a"
    When a manifest of pod "static-web" running "kubelab/echo" is placed in node "a"'s manifest folder
    Then within 15 seconds node "a" runs static pod "static-web", whose echo server answers on its IP
    And within 15 seconds the API shows static pod "static-web" as a mirror pod named after its node, owned by the Node
    And the audit log shows node "a"'s kubelet created the mirror pod, and nobody bound it
    And inside node "a", the kubelet's /pods on port 10250 lists static pod "static-web" by its own uid, the config hash

  @needs-component-control @conformance:static-pod-without-api-server @exercise-static-pod
  Scenario: a static pod starts while the API server is down, and its mirror pod comes once it is back
    Given the cluster's only nodes are real nodes "a"
    When the API server is stopped
    And a manifest of pod "static-web" running "kubelab/echo" is placed in node "a"'s manifest folder
    Then within 15 seconds node "a" runs static pod "static-web", whose echo server answers on its IP
    When the API server is started again
    Then within 30 seconds the API shows static pod "static-web" as a mirror pod named after its node, owned by the Node

  @conformance:static-pod-mirror-deleted @exercise-static-pod
  Scenario: deleting the mirror pod does not stop the static pod, and the mirror comes back
    Given the cluster's only nodes are real nodes "a"
    And static pod "static-web" running "kubelab/echo" runs on node "a", shown by its mirror pod
    When the mirror pod of "static-web" is deleted with kubectl
    Then within 15 seconds the mirror pod of "static-web" is back with a new uid, and the same process runs it

  @conformance:static-pod-manifest-edited @exercise-static-pod
  Scenario: editing the manifest replaces the pod
    Given the cluster's only nodes are real nodes "a"
    And static pod "static-web" running "kubelab/echo" runs on node "a", shown by its mirror pod
    When the manifest of "static-web" is changed to run "kubelab/sleeper"
    Then within 15 seconds node "a" runs "kubelab/sleeper" instead of "kubelab/echo", and the mirror pod shows the new manifest

  @conformance:static-pod-manifest-removed @exercise-static-pod
  Scenario: removing the manifest stops the pod and deletes its mirror pod
    Given the cluster's only nodes are real nodes "a"
    And static pod "static-web" running "kubelab/echo" runs on node "a", shown by its mirror pod
    When the manifest of "static-web" is removed from its node's folder
    Then within 15 seconds the process of static pod "static-web" is gone, and so is its mirror pod
