@etcd @k8s:1.32
Feature: The API server stores every object in etcd under /registry
  Only the API server talks to etcd. It keeps each object at a key made of the resource's
  prefix, the namespace and the name, and a list is a range read over a prefix.
  Source: kube-apiserver's storage factory and generic registry (kubernetes/apiserver).

  Rule: Each object lands under its documented key

    @needs-etcd @conformance:etcd-object-key-layout @exercise-registry-key
    Scenario Outline: a <kind> is stored at <key>
      Given a <kind> was created through the API
      Then etcd holds it at the key "<key>"

      Examples:
        | kind        | key                                          |
        | pod         | /registry/pods/{namespace}/{name}            |
        | config map  | /registry/configmaps/{namespace}/{name}      |
        | service     | /registry/services/specs/{namespace}/{name}  |
        | deployment  | /registry/deployments/{namespace}/{name}     |
        | node        | /registry/minions/{name}                     |
        | namespace   | /registry/namespaces/{name}                  |

  Rule: Only the API server talks to etcd

    @needs-audit @conformance:etcd-create-is-one-transaction @exercise-create-if-absent
    Scenario: kubectl's create becomes the API server's etcd transaction
      When a config map "through" is created with kubectl
      Then the audit log shows kubectl's create of "through" answered 201
      And that request wrote the key of "through" in one etcd transaction that required the key to be absent

  Rule: Namespaced keys carry the namespace, cluster-scoped keys do not

    @needs-etcd @conformance:etcd-namespace-in-key @exercise-registry-key
    Scenario: two config maps with one name in two namespaces are two keys
      Given a config map "first" was created through the API
      And a config map with the same name was created in another namespace
      Then etcd holds one key per namespace for that name

  Rule: A list is a range read over a prefix that ends in a slash

    @needs-etcd @conformance:etcd-list-prefix-ends-in-slash @exercise-registry-key
    Scenario: listing one namespace reads exactly its prefix, not a namespace whose name extends it
      Given 3 config maps were created in the scenario's namespace
      And 2 config maps were created in a namespace whose name starts with the scenario's namespace
      When config maps are listed in the scenario's namespace with kubectl
      Then kubectl lists exactly the names etcd holds under "/registry/configmaps/{namespace}/"

  Rule: The stored value is the object as the API returns it, and its resourceVersion is the key's revision

    @needs-etcd @conformance:etcd-value-is-served-object @exercise-registry-key
    Scenario: the value in etcd is the object the API serves
      Given a config map "settings" was created through the API
      When "settings" is read through the API
      Then etcd holds the same object, without a resourceVersion
      And its resourceVersion is the mod_revision of its key in etcd

  Rule: Deleting an object deletes its key

    @needs-etcd @conformance:etcd-delete-removes-key @exercise-registry-key
    Scenario: kubectl delete removes the key
      Given a config map "doomed" was created through the API
      When "doomed" is deleted with kubectl
      Then etcd no longer holds the key of "doomed"
