@controllers @k8s:1.32
Feature: Deleting a namespace deletes everything in it, then the namespace
  `kubectl delete namespace` marks the namespace Terminating, and the API server refuses new
  content in it. The namespace controller deletes every object in it, waits until none is left,
  then removes the namespace's `kubernetes` finalizer, and the API server deletes the namespace.
  Source: kubernetes.io "Namespaces" and "Namespaces Walkthrough"; kube-controller-manager's
  namespace controller.

  Rule: A namespace being deleted is Terminating, and refuses new content

    @conformance:namespace-terminating-refuses-content
    Scenario: creating in a Terminating namespace is forbidden
      Given the scenario's namespace holds a config map "held" with the finalizer "kubelab.dev/hold"
      When the scenario's namespace is deleted with kubectl
      Then kubectl get namespace shows the scenario's namespace as Terminating
      And kubectl create of a config map "late" in it fails with "configmaps \"{name}\" is forbidden: unable to create new content in namespace {namespace} because it is being terminated"

  Rule: The namespace controller deletes everything in it, then the namespace goes

    @conformance:namespace-deletes-content @needs-simulated-nodes
    Scenario: a namespace with a replica set, its pods and a config map is emptied, then removed
      Given the cluster's only schedulable nodes are 2 identical nodes "worker"
      And a replica set "web" with 2 replicas was created and is ready
      And a config map "settings" was created through the API
      When the scenario's namespace is deleted with kubectl
      Then within 30 seconds kubectl get namespace says the scenario's namespace is not found
      And no pods, replica sets or config maps are left in the scenario's namespace

  Rule: Content a finalizer holds keeps the namespace Terminating, and its conditions say what is left

    @conformance:namespace-finalizers-remaining-conditions
    Scenario: a config map with a finalizer holds the namespace
      Given the scenario's namespace holds a config map "held" with the finalizer "kubelab.dev/hold"
      When the scenario's namespace is deleted with kubectl
      Then within 20 seconds the scenario's namespace has the conditions:
        | type                            | status | reason               | message                                                                                          |
        | NamespaceContentRemaining       | True   | SomeResourcesRemain  | Some resources are remaining: configmaps. has 1 resource instances                               |
        | NamespaceFinalizersRemaining    | True   | SomeFinalizersRemain | Some content in the namespace has finalizers remaining: kubelab.dev/hold in 1 resource instances |
        | NamespaceDeletionContentFailure | False  | ContentDeleted       | All content successfully deleted, may be waiting on finalization                                 |

    @conformance:namespace-goes-when-finalizer-removed
    Scenario: once the finalizer is removed, the namespace goes
      Given the scenario's namespace holds a config map "held" with the finalizer "kubelab.dev/hold"
      And the scenario's namespace was deleted with kubectl and is Terminating
      When the finalizer "kubelab.dev/hold" is removed from "held"
      Then within 30 seconds kubectl get namespace says the scenario's namespace is not found
