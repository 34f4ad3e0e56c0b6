@etcd @k8s:1.32
Feature: The API server stores every object in etcd under /registry
  Only the API server talks to etcd. It keeps each object at a key made of the resource's
  prefix, the namespace and the name, and a list is a range read over a prefix.
  Source: kube-apiserver's storage factory and generic registry (kubernetes/apiserver).

  Rule: Each object lands under its documented key, as the API serves it, and a list reads its documented prefix

    @needs-etcd @needs-audit @conformance:etcd-object-key-layout @exercise-registry-key
    Scenario: each kind is stored at its key and listed from its prefix
      Given one object of each of these kinds was created through the API:
        | kind       | key                                         | list prefix                           | list prefix of every namespace |
        | pod        | /registry/pods/{namespace}/{name}           | /registry/pods/{namespace}/           | /registry/pods/                |
        | config map | /registry/configmaps/{namespace}/{name}     | /registry/configmaps/{namespace}/     | /registry/configmaps/          |
        | service    | /registry/services/specs/{namespace}/{name} | /registry/services/specs/{namespace}/ | /registry/services/specs/      |
        | deployment | /registry/deployments/{namespace}/{name}    | /registry/deployments/{namespace}/    | /registry/deployments/         |
        | node       | /registry/minions/{name}                    | /registry/minions/                    |                                |
        | namespace  | /registry/namespaces/{name}                 | /registry/namespaces/                 |                                |
      When each of those kinds is listed through the API
      And each of the namespaced kinds is listed in every namespace through the API
      Then etcd holds each object at its key, as the API serves it but without a resourceVersion, which is the mod_revision of the key
      And the audit log shows each list was one range read of its prefix, and listed exactly the names etcd holds under it
      And the audit log shows each list of every namespace was one range read of its prefix

  Rule: Only the API server talks to etcd

    @needs-audit @conformance:etcd-create-is-one-transaction @exercise-create-if-absent
    Scenario: kubectl's create becomes the API server's etcd transaction
      When a config map "through" is created with kubectl
      Then the audit log shows kubectl's create of "through" answered 201
      And that request wrote the key of "through" in one etcd transaction that required the key to be absent
      And kubectl was answered the resourceVersion that transaction wrote

  Rule: Namespaced keys carry the namespace, and a list of one namespace reads only its keys

    @needs-etcd @conformance:etcd-namespace-in-key @exercise-registry-key
    Scenario: one name in two namespaces is two keys, and a list reads only its own, even beside a namespace whose name extends it
      Given a config map "first" was created through the API
      And a config map with the same name was created in a namespace whose name starts with the scenario's namespace
      When config maps are listed in the scenario's namespace with kubectl
      Then etcd holds one key per namespace for that name
      And kubectl lists exactly the names etcd holds under "/registry/configmaps/{namespace}/"

    @needs-etcd @conformance:etcd-list-every-namespace @exercise-registry-key
    Scenario: a list of every namespace reads the resource's whole prefix
      Given a service "first" was created through the API
      And a service with the same name was created in a namespace whose name starts with the scenario's namespace
      When each service of every namespace is listed with kubectl
      Then kubectl lists that name in both namespaces, and exactly the objects etcd holds under "/registry/services/specs/"

  Rule: Deleting an object deletes its key

    @needs-etcd @needs-audit @conformance:etcd-delete-removes-key @exercise-registry-key
    Scenario: kubectl delete removes the key
      Given one object of each of these kinds was created through the API:
        | kind       | key                                         |
        | config map | /registry/configmaps/{namespace}/{name}     |
        | service    | /registry/services/specs/{namespace}/{name} |
        | node       | /registry/minions/{name}                    |
      When each of those objects is deleted with kubectl
      Then the audit log shows each delete removed its key in one etcd transaction, and etcd holds none of those keys any more
