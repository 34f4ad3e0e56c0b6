@api @k8s:1.32
Feature: The API server uses optimistic locking
  Every object carries a resourceVersion. An update that names an old resourceVersion is refused
  with 409 Conflict, so two clients that read the same version cannot both write over it, and
  no update is lost. Source: Kubernetes API concepts, "Resource versions"; the generic registry's
  GuaranteedUpdate (kubernetes/apiserver).

  Rule: Of two updates based on the same version, the first wins and the second gets a Conflict

    @conformance:api-stale-update-conflict @exercise-compare-and-swap
    Scenario: the second writer of the same version is refused
      Given a config map "shared" was created through the API
      And two clients have read the same version of "shared"
      When both clients update "shared" one after the other
      Then the first update succeeds with a newer resourceVersion
      And the second update is refused with 409 Conflict: "Operation cannot be fulfilled on configmaps \"{name}\": the object has been modified; please apply your changes to the latest version and try again"

    @needs-audit @conformance:api-conflict-writes-nothing @exercise-compare-and-swap
    Scenario: the Conflict comes from the stale resourceVersion, before anything is written
      Given a config map "shared" was created through the API
      And two clients have read the same version of "shared"
      When both clients update "shared" one after the other
      Then the audit log shows the refused update read the key and wrote nothing to etcd

    @conformance:api-conflict-retry-succeeds @exercise-compare-and-swap
    Scenario: a retry on the fresh version succeeds
      Given a config map "shared" was created through the API
      And a second client's update of "shared" was refused with a Conflict
      When the second client reads "shared" again and retries its update
      Then the retry succeeds and both changes are in "shared"

    @conformance:api-kubectl-replace-stale-conflict @exercise-compare-and-swap
    Scenario: kubectl replace with a stale resourceVersion gets the Conflict too
      Given a config map "edited" was created through the API
      And a copy of "edited" was saved to a file, then "edited" was changed through the API
      When the saved copy is replaced with kubectl
      Then kubectl fails with "Error from server (Conflict)" and "the object has been modified; please apply your changes to the latest version and try again"

  Rule: Concurrent writers that retry on Conflict lose no update

    @conformance:api-concurrent-increments-lose-nothing @exercise-compare-and-swap
    Scenario: many clients increment one counter
      Given a config map "counter" was created through the API with the annotation "count" set to "0"
      When 16 clients each increment the "count" annotation of "counter" 5 times, retrying on Conflict
      Then the "count" annotation of "counter" is "80"
      And at least one of those updates was refused with a Conflict first

  Rule: Writes that change nothing, and writes on names that do or do not exist, answer as Kubernetes does

    @conformance:api-noop-update-keeps-resource-version @exercise-compare-and-swap
    Scenario: an update that changes nothing keeps the resourceVersion
      Given a config map "steady" was created through the API
      When "steady" is updated with exactly what was read
      Then its resourceVersion is unchanged

    @conformance:api-create-existing-already-exists @exercise-create-if-absent
    Scenario: creating a name that exists is refused with AlreadyExists
      Given a config map "taken" was created through the API
      When another config map with the name of "taken" is created through the API
      Then the API answers 409 AlreadyExists: "configmaps \"{name}\" already exists"

    @conformance:api-concurrent-create-one-wins @exercise-create-if-absent
    Scenario: of clients creating one name at the same moment, exactly one succeeds
      When 8 clients create a config map with the same new name at the same moment
      Then exactly one create succeeds and the other 7 are refused with 409 AlreadyExists

    @conformance:api-update-missing-not-found @exercise-compare-and-swap
    Scenario: updating an object that does not exist is refused with NotFound
      When a config map that was never created is updated through the API
      Then the API answers 404 NotFound: "configmaps \"{name}\" not found"
