@controllers @k8s:1.32 @needs-simulated-nodes
Feature: A ReplicaSet keeps the desired number of pods running
  The ReplicaSet controller compares spec.replicas with the active pods its selector owns, and
  creates or deletes pods through the API server until they match, whatever changed and
  whoever changed it; it creates in batches of 1, 2, 4, ... and stops at the first batch that
  fails. Source: kubernetes.io "ReplicaSet"; kube-controller-manager's replicaset controller
  (manageReplicas, slowStartBatch).

  Background:
    Given the cluster's only schedulable nodes are 3 identical nodes "worker"

  Rule: The controller creates the pods a new replica set asks for, a few first: 1, then 2, 4, ... while creates succeed

    @needs-audit @conformance:replicaset-creates-desired-pods @exercise-replicaset-reconcile
    # Every watch hears of the pods 2 seconds late: the controller's status write wakes it again
    # before its cache shows them, and only its expectations keep it from creating them twice.
    Scenario: a new replica set gets its pods in batches of 1, 2, 4 and 8, each owned through a controller reference, though the watch hears of them late
      When a replica set "web" with 15 replicas whose pods every watch hears of 2 seconds late is created
      Then within 30 seconds replica set "web" has 15 ready pods
      And the audit log shows the controller manager created the pods of "web" in batches of 1, 2, 4 and 8, each batch sent together once the one before was answered
      And every pod of "web" names it as its controller and has a generated name starting with its name

  Rule: A create the API server refuses ends the batches; status and an event say why, and the controller retries

    A pod naming a PriorityClass that does not exist is refused by the Priority admission plugin,
    although its replica set was accepted: the template is checked only when a pod is made from it.

    @needs-audit @conformance:replicaset-reports-failed-create @exercise-replicaset-reconcile
    Scenario: a replica set whose pods are refused tries one create at a time and reports FailedCreate
      When a replica set "web" with 5 replicas whose pods ask for the priority class "missing" is created
      Then within 20 seconds replica set "web" tells why, in its status and in an event:
        | where                    | reason       | message                                                                                    |
        | condition ReplicaFailure | FailedCreate | pods "<web>-" is forbidden: no PriorityClass with name missing was found                   |
        | Warning event            | FailedCreate | Error creating: pods "<web>-" is forbidden: no PriorityClass with name missing was found   |
      And within 20 seconds the audit log shows the controller manager's creates of "web" were refused one at a time, and retried

    @needs-audit @conformance:replicaset-recovers-from-failed-create @exercise-replicaset-reconcile
    Scenario: once its template is fixed, a refused replica set creates its pods in batches and clears ReplicaFailure
      Given a replica set "web" with 15 replicas whose pods ask for the missing priority class "missing" was created, and its creates were refused
      When the priority class is removed from the pod template of replica set "web" with kubectl
      Then within 20 seconds replica set "web" has 15 ready pods
      And replica set "web" no longer reports ReplicaFailure
      And the audit log shows the controller manager's creates of "web" were refused one at a time, then sent in batches of 1, 2, 4 and 8

  Rule: The controller does not act again until its watch has shown it its own creates and deletes

    Before it creates or deletes, the controller records how many of each it expects to see
    (Kubernetes' ControllerExpectations); until its informer has seen them all, a sync only
    writes status. Without that, a sync that ran before the watch caught up would count the
    pods it had just made as missing and make them again. kubelab's watch-delay annotation
    (a fault it injects; Kubernetes has none) makes every watch hear of the pods late.

    @needs-audit @conformance:replicaset-scales-in-batches @exercise-replicaset-reconcile
    Scenario: kubectl scale up creates the missing pods in batches and scale down deletes the surplus, each once, though the watch hears of them late
      Given a replica set "web" with 2 replicas whose pods every watch hears of 2 seconds late was created and is ready
      When replica set "web" is scaled to 17 with kubectl
      Then within 30 seconds replica set "web" has 17 ready pods
      And the audit log shows the controller manager created the pods of "web" in batches of 1, 2, 4 and 8, each batch sent together once the one before was answered
      When replica set "web" is scaled to 2 with kubectl
      Then within 30 seconds replica set "web" has 2 ready pods
      And the audit log shows the controller manager deleted the 15 surplus pods of "web", and created none

  Rule: The controller converges from every starting point a learner can make with kubectl

    @conformance:replicaset-scales-with-kubectl
    Scenario Outline: kubectl scale from 2 to <replicas>
      Given a replica set "web" with 2 replicas was created and is ready
      When replica set "web" is scaled to <replicas> with kubectl
      Then within 20 seconds replica set "web" has <replicas> ready pods

      Examples:
        | replicas |
        | 4        |
        | 1        |
        | 0        |

    @conformance:replicaset-replaces-deleted-pod
    Scenario: a pod deleted by hand is replaced
      Given a replica set "web" with 2 replicas was created and is ready
      When one of the pods of "web" is deleted with kubectl
      Then within 20 seconds replica set "web" has 2 ready pods, and the deleted one is not among them

    @conformance:replicaset-releases-relabelled-pod
    Scenario: a pod whose labels stop matching is released and replaced
      Given a replica set "web" with 2 replicas was created and is ready
      When one of the pods of "web" is relabelled with kubectl so that the selector no longer matches it
      Then within 20 seconds replica set "web" has 2 ready pods, and the relabelled one is not among them
      And the relabelled pod still exists, with no controller

    @conformance:replicaset-adopts-orphan
    Scenario: a matching orphan is adopted instead of a new pod being created
      Given a pod "stray" with the labels replica set "web" will select was created
      When a replica set "web" with 2 replicas is created
      Then within 20 seconds replica set "web" has 2 ready pods, and "stray" is among them

  Rule: The controller acts through the API server, on what its watch tells it

    @needs-audit @conformance:replicaset-reconciles-through-api
    Scenario: kubectl scale writes the desired count; the controller manager creates the pods
      Given a replica set "web" with 2 replicas was created and is ready
      When replica set "web" is scaled to 4 with kubectl
      Then within 20 seconds replica set "web" has 4 ready pods
      And the audit log shows the controller manager, told by its watch, created the 2 missing pods of "web" and then wrote its status
      And the reconcile of "web" is saved as the trace "kubectl-scale-replicaset"

  Rule: Status reports what the controller saw

    @conformance:replicaset-status
    Scenario: status counts replicas and ready replicas, and the generation it acted on
      Given a replica set "web" with 2 replicas was created and is ready
      When replica set "web" is scaled to 3 with kubectl
      Then within 20 seconds replica set "web" reports 3 replicas, 3 ready, and an observedGeneration equal to its generation
