@controllers @deployment @k8s:1.32 @needs-simulated-nodes
Feature: A Deployment rolls its pods from one pod template to the next through ReplicaSets
  The Deployment controller keeps one ReplicaSet per pod template, named after the template's
  pod-template-hash, and moves the pods from old ReplicaSets to the new one at a controlled
  rate. Source: kubernetes.io "Deployments"; kube-controller-manager's deployment controller.

  Background:
    Given the cluster's only schedulable nodes are 3 identical nodes "worker"

  Rule: A Deployment owns a ReplicaSet named with its pod-template-hash

    @conformance:deployment-creates-hashed-replica-set
    Scenario: a new deployment gets one replica set and its pods become ready
      When a deployment "web" with 3 replicas is applied with kubectl
      Then kubectl rollout status of "web" succeeds within 30 seconds
      And "web" owns one replica set, named after it and its pod-template-hash, with 3 ready pods

  Rule: A template change rolls out within maxSurge and maxUnavailable, both 25% by default

    @conformance:deployment-rolling-update-bounds
    Scenario: of 4 replicas, at least 3 stay available and at most 5 exist while kubectl set image rolls out
      Given a deployment "web" with 4 replicas was applied and has rolled out
      And the pods of "web" are being watched
      When the image of "web" is set to "kubelab/echo" with kubectl
      Then within 40 seconds "web" runs 4 ready pods from a new replica set, and the old one is scaled to 0
      And at every moment of the rollout "web" had at least 3 available pods and no more than 5 pods

  Rule: The Recreate strategy stops every old pod before it starts a new one

    @conformance:deployment-recreate
    Scenario: applying a changed manifest never runs pods of both templates at once
      Given a deployment "web" with 3 replicas and the Recreate strategy was applied and has rolled out
      And the pods of "web" are being watched
      When the manifest of "web" with 3 replicas of "kubelab/echo" and the Recreate strategy is applied with kubectl
      Then within 40 seconds "web" runs 3 ready pods from a new replica set, and the old one is scaled to 0
      And at no moment of the rollout did pods of both templates of "web" exist together

  Rule: Each resize is told as a ScalingReplicaSet event on the Deployment

    @conformance:deployment-scaling-events
    Scenario: a rollout of 2 replicas, one pod at a time, in Kubernetes 1.32's words
      Given a deployment "web" with 2 replicas was applied and has rolled out
      When the image of "web" is set to "kubelab/echo" with kubectl
      Then within 30 seconds the events of "web" include:
        | type   | reason            | message                                          |
        | Normal | ScalingReplicaSet | Scaled up replica set <new replica set> to 1     |
        | Normal | ScalingReplicaSet | Scaled down replica set <old replica set> from 2 to 1 |
        | Normal | ScalingReplicaSet | Scaled up replica set <new replica set> from 1 to 2 |
        | Normal | ScalingReplicaSet | Scaled down replica set <old replica set> from 1 to 0 |

  Rule: kubectl rollout undo goes back to the previous template

    @conformance:deployment-rollout-undo
    Scenario: undo scales the first replica set up again, under a new revision
      Given a deployment "web" with 2 replicas was applied and has rolled out
      And the image of "web" was set to "kubelab/echo" with kubectl and has rolled out
      When the rollout of "web" is undone with kubectl
      Then within 30 seconds "web" runs 2 ready pods from its first replica set again, now at revision 3
      And kubectl rollout history of "web" lists the revisions 2 and 3

  Rule: Status conditions say when a rollout is complete

    @conformance:deployment-status-conditions
    Scenario: after a rollout, Available and Progressing are True with Kubernetes' reasons and messages
      Given a deployment "web" with 2 replicas was applied and has rolled out
      When the image of "web" is set to "kubelab/echo" with kubectl
      Then within 30 seconds "web" reports the conditions:
        | type        | status | reason                   | message                                                  |
        | Available   | True   | MinimumReplicasAvailable | Deployment has minimum availability.                     |
        | Progressing | True   | NewReplicaSetAvailable   | ReplicaSet "<new replica set>" has successfully progressed. |

  Rule: kubectl scale resizes the Deployment's ReplicaSet

    @conformance:deployment-scales-with-kubectl
    Scenario Outline: kubectl scale deployment from 2 to <replicas>
      Given a deployment "web" with 2 replicas was applied and has rolled out
      When deployment "web" is scaled to <replicas> with kubectl
      Then within 20 seconds the replica set of "web" asks for <replicas> pods and has them ready

      Examples:
        | replicas |
        | 4        |
        | 1        |
