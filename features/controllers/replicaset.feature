@controllers @k8s:1.32 @exercise-replicaset-reconcile
Feature: A ReplicaSet keeps the desired number of pods running
  The ReplicaSet controller compares spec.replicas with the active pods its selector owns, and
  creates or deletes pods through the API server until they match, whatever changed and
  whoever changed it. Source: kubernetes.io "ReplicaSet"; kube-controller-manager's
  replicaset controller.

  Background:
    Given the cluster's only schedulable nodes are 3 identical nodes "worker"

  Rule: The controller creates the pods a new replica set asks for

    @conformance:replicaset-creates-desired-pods
    Scenario: a new replica set gets its pods, each owned through a controller reference
      When a replica set "web" with 3 replicas is created
      Then within 20 seconds replica set "web" has 3 ready pods
      And every pod of "web" names it as its controller and has a generated name starting with its name

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
