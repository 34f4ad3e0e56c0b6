@api @k8s:1.32
Feature: Bad input gets the answer Kubernetes gives, and nothing crashes
  The API server answers malformed or invalid requests with a Status: an HTTP code, a reason and
  a message that says what is wrong, the same ones kube-apiserver returns. Source: Kubernetes API
  concepts; apimachinery's api/errors and validation packages.

  Rule: Each kind of bad request gets its own code and reason

    @conformance:api-bad-request-status-per-fault
    Scenario Outline: <what> is refused with <code> <reason>
      When a pod is posted whose body is <body>
      Then the API answers <code> <reason> with a message containing "<message>"
      And the API server is still ready

      Examples:
        | what                          | body                                                                                                   | code | reason     | message                                                                  |
        | malformed JSON                | {"metadata": {"name": "half                                                                            | 400  | BadRequest | couldn't get version/kind; json parse error                              |
        | an invalid name               | {"metadata": {"name": "Not_A_Name"}, "spec": {"containers": [{"name": "c", "image": "kubelab/echo"}]}} | 422  | Invalid    | metadata.name: Invalid value: \"Not_A_Name\": a lowercase RFC 1123 subdomain |
        | a pod without containers      | {"metadata": {"name": "empty"}, "spec": {}}                                                            | 422  | Invalid    | spec.containers: Required value                                          |
        | a container without an image  | {"metadata": {"name": "noimage"}, "spec": {"containers": [{"name": "c"}]}}                             | 422  | Invalid    | spec.containers[0].image: Required value                                 |
        | the wrong API version         | {"apiVersion": "apps/v1", "kind": "Pod", "metadata": {"name": "x"}}                                    | 400  | BadRequest | the API version in the data (apps/v1) does not match the expected API version (v1) |

  Rule: Unknown resources and missing namespaces are NotFound

    @conformance:api-unknown-resource-not-found
    Scenario: a resource the server does not serve
      When the resource "widgets" is listed through the API
      Then the API answers 404 NotFound with a message containing "the server could not find the requested resource"

    @conformance:api-missing-namespace-not-found
    Scenario: creating in a namespace that does not exist
      When a config map is created in a namespace that does not exist
      Then the API answers 404 NotFound with a message containing "namespaces \"{namespace}\" not found"

  Rule: An invalid object lists every bad field as a cause

    @conformance:api-invalid-lists-every-cause
    Scenario: two bad fields give two causes
      When a pod is posted whose body is {"metadata": {"name": "two-faults"}, "spec": {"containers": [{"name": "Bad_Container"}]}}
      Then the API answers 422 Invalid with the causes "spec.containers[0].name" and "spec.containers[0].image"

  Rule: kubectl shows the server's message

    @conformance:api-kubectl-shows-server-message
    Scenario: kubectl apply of an invalid name
      When kubectl applies a config map named "Not_A_Name"
      Then kubectl fails with "The ConfigMap \"Not_A_Name\" is invalid" and "metadata.name: Invalid value: \"Not_A_Name\""
