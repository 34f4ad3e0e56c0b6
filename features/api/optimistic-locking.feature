@api @k8s:1.32
Feature: The API server uses optimistic locking
  Every object carries a resourceVersion. An update that names an old resourceVersion is refused
  with 409 Conflict, so two clients that read the same version cannot both write over it, and
  no update is lost. Source: Kubernetes API concepts, "Resource versions"; the generic registry's
  GuaranteedUpdate (kubernetes/apiserver).

  Rule: Of two updates based on the same version, the first wins and the second gets a Conflict

    @conformance:api-stale-update-conflict
    Scenario: the second writer of the same version is refused
      Given a config map "shared" was created through the API
      And two clients have read the same version of "shared"
      When both clients update "shared" one after the other
      Then the first update succeeds with a newer resourceVersion
      And the second update is refused with 409 Conflict: "Operation cannot be fulfilled on configmaps \"{name}\": the object has been modified; please apply your changes to the latest version and try again"

    @needs-audit @conformance:api-conflict-writes-nothing
    Scenario: the Conflict comes from the stale resourceVersion, before anything is written
      Given a config map "shared" was created through the API
      And two clients have read the same version of "shared"
      When both clients update "shared" one after the other
      Then the audit log shows the refused update read the key and wrote nothing to etcd

    @conformance:api-conflict-retry-succeeds
    Scenario: a retry on the fresh version succeeds
      Given a config map "shared" was created through the API
      And a second client's update of "shared" was refused with a Conflict
      When the second client reads "shared" again and retries its update
      Then the retry succeeds and both changes are in "shared"

    @conformance:api-kubectl-replace-stale-conflict
    Scenario: kubectl replace with a stale resourceVersion gets the Conflict too
      Given a config map "edited" was created through the API
      And a copy of "edited" was saved to a file, then "edited" was changed through the API
      When the saved copy is replaced with kubectl
      Then kubectl fails with "Error from server (Conflict)" and "the object has been modified; please apply your changes to the latest version and try again"

  Rule: Concurrent writers that retry on Conflict lose no update

    @conformance:api-concurrent-increments-lose-nothing
    Scenario: many clients increment one counter
      Given a config map "counter" was created through the API with the annotation "count" set to "0"
      When 16 clients each increment the "count" annotation of "counter" 5 times, retrying on Conflict
      Then the "count" annotation of "counter" is "80"
      And at least one of those updates was refused with a Conflict first

  Rule: An update reads the key, then writes it in one etcd transaction that requires the mod_revision it read

    @needs-audit @conformance:api-update-is-compare-and-swap @exercise-compare-and-swap
    Scenario: each update is answered as Kubernetes answers it, after the etcd requests the store's loop makes
      Given a config map "target" was created through the API
      When these updates of "target" are sent through the API, one after the other, each by a client that read it first:
        | client  | sends                              |
        | editor  | a changed copy of what it read     |
        | patcher | a merge patch of one annotation    |
        | idler   | exactly what it read               |
        | seeker  | a config map never created         |
      Then the audit log shows each update's answer and its etcd requests:
        | client  | answer                                          | etcd                                                |
        | editor  | 200, the resourceVersion its transaction wrote | range; txn if mod_revision == {read} then put: held |
        | patcher | 200, the resourceVersion its transaction wrote | range; txn if mod_revision == {read} then put: held |
        | idler   | 200, the resourceVersion it read                | range                                               |
        | seeker  | 404 NotFound: configmaps "{name}" not found     | range                                               |

  Rule: Of writers that race in etcd, the loser's compare fails and the store retries on the value the winner wrote

    @needs-audit @conformance:api-lost-race-retried @exercise-compare-and-swap
    Scenario: patches that race on one config map all land
      Given a config map "contested" was created through the API
      When 8 clients each patch an annotation of their own onto "contested" at the same moment, again until one loses a race in etcd
      Then every patch succeeded, and every annotation is on "contested"
      And the audit log shows a patch whose transaction failed on the mod_revision it read, and held on the one another patch wrote

  Rule: Creating a name that exists, at once or at the same moment, is refused by etcd's compare

    @needs-audit @conformance:api-create-existing-already-exists @exercise-create-if-absent
    Scenario: creating a name that exists is refused with AlreadyExists
      Given a config map "taken" was created through the API
      When another config map with the name of "taken" is created through the API
      Then the API answers 409 AlreadyExists: "configmaps \"{name}\" already exists"
      And the audit log shows the refused create's one etcd transaction required the key to be absent, failed and wrote nothing, and only then the key was read

    @needs-audit @conformance:api-concurrent-create-one-wins @exercise-create-if-absent
    Scenario: of clients creating one name at the same moment, exactly one succeeds
      When 8 clients create a config map with the same new name at the same moment
      Then exactly one create succeeds and the other 7 are refused with 409 AlreadyExists
      And the one that succeeded was answered the resourceVersion the config map has now
      And the audit log shows each of the 8 creates sent one etcd transaction that required the key to be absent, and only one held
