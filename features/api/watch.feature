@api @watch @k8s:1.32
Feature: Clients watch the API server for changes instead of polling
  A watch streams ADDED, MODIFIED and DELETED events in the order etcd recorded them. A client
  that remembers a resourceVersion resumes from it without missing anything; once etcd has
  compacted that history, the API server answers 410 Gone with reason Expired and the client
  must list again. Source: Kubernetes API concepts, "Efficient detection of changes".

  Rule: Watchers see every change, in order

    @conformance:watch-every-change-in-order
    Scenario: a watcher sees a config map created, changed and deleted
      Given a watch on config maps in the scenario's namespace was started
      When a config map "watched" is created, changed and deleted through the API
      Then within 5 seconds the watch has received ADDED, MODIFIED, DELETED for "watched"
      And the resourceVersions of those events increase

    @conformance:watch-starts-with-existing-objects
    Scenario: a watch without a resourceVersion starts with the objects that exist
      Given a config map "existing" was created through the API
      When a watch on config maps in the scenario's namespace is started
      Then within 5 seconds the watch has received ADDED for "existing"

  Rule: A change travels from a client through the API server and etcd to every watcher

    @needs-audit @conformance:watch-change-travels-to-watchers
    Scenario: kubectl create reaches the API server, then etcd, then a watcher
      Given a watch on config maps in the scenario's namespace was started
      When a config map "traced" is created with kubectl
      Then within 5 seconds the watch has received ADDED for "traced"
      And the audit log shows the ADDED event sent to the watcher carries the revision that kubectl's create of "traced" wrote to etcd
      And the flow is saved as the trace "kubectl-create-configmap"

  Rule: Resuming from a resourceVersion misses nothing

    @conformance:watch-resume-misses-nothing
    Scenario: changes made while nobody watched are delivered on resume
      Given a config map "offline" was created through the API and its resourceVersion remembered
      And "offline" was then changed twice and deleted while nobody watched
      When a watch on config maps resumes from the remembered resourceVersion
      Then within 5 seconds the watch has received MODIFIED, MODIFIED, DELETED for "offline"

  Rule: Resuming from compacted history gets 410 Expired

    @slow @needs-etcd @conformance:watch-compacted-resume-expired
    Scenario: a watch from a resourceVersion older than the compaction is refused
      Given a config map "ancient" was created through the API and its resourceVersion remembered
      And the API server has since compacted etcd past that resourceVersion
      When a watch on config maps resumes from the remembered resourceVersion
      Then within 5 seconds the watch receives one ERROR event with code 410, reason "Expired" and message "The resourceVersion for the provided watch is too old."
      And the watch stream ends

  Rule: A watch with a label selector sees objects enter and leave the selection

    @conformance:watch-selector-leave-is-deleted
    Scenario: a config map that loses its label leaves a labelled watch as DELETED
      Given a config map "tagged" with the label "tier=cache" was created through the API
      And a watch on config maps labelled "tier=cache" was started
      When the label "tier" of "tagged" is changed to "db"
      Then within 5 seconds the watch has received ADDED, DELETED for "tagged"

  Rule: kubectl get --watch is a watch

    @conformance:watch-kubectl-get-watch
    Scenario: kubectl get -w prints objects as they appear
      Given kubectl is watching config maps in the scenario's namespace
      When a config map "announced" is created through the API
      Then within 10 seconds kubectl has printed a line for "announced"

  Rule: A boolean query parameter is read as kube-apiserver reads it

    # apimachinery's Convert_Slice_string_To_bool: only "0" and "false" (in any case) are false;
    # any other value is true. The Python client asks for a watch with watch=True.
    @conformance:watch-boolean-query-parameter
    Scenario Outline: "?watch=<value>" asks for <answer>
      Given a config map "existing" was created through the API
      When config maps in the scenario's namespace are read with the query "watch=<value>&timeoutSeconds=1"
      Then the answer is <answer> holding "existing"

      Examples:
        | value | answer         |
        | True  | a watch stream |
        | 1     | a watch stream |
        | yes   | a watch stream |
        | false | a list         |
        | False | a list         |
        | 0     | a list         |
