@api @k8s:1.32
Feature: Kubernetes' own client libraries work unmodified
  kubectl is one official client; @kubernetes/client-node, Kubernetes' JavaScript client, and
  `kubernetes`, its Python client, are two more that no one here wrote. Each builds its own URLs
  and query parameters (the Python client asks for `watch=True`), sends its own patch content
  types and reads errors as Status objects, so they check the API as any program written
  against Kubernetes would use it. Source: Kubernetes documentation, "Client Libraries".

  @conformance:api-client-node-list-watch-patch-conflict
  Scenario: @kubernetes/client-node lists, watches and patches, and a stale replace is a Conflict
    Given a config map "shared" was created through the API and its resourceVersion remembered
    When @kubernetes/client-node watches config maps in the scenario's namespace
    And @kubernetes/client-node patches "shared" with a merge patch setting "colour" to "blue"
    Then @kubernetes/client-node lists config maps and sees "shared" with "colour" = "blue"
    And within 5 seconds the client-node watch has received 'ADDED "shared", MODIFIED "shared"'
    When @kubernetes/client-node replaces "shared" at the resourceVersion it was created with
    Then @kubernetes/client-node fails with 409 and a Status whose reason is "Conflict"

  @conformance:api-python-client-list-watch-patch-conflict @needs-audit
  Scenario: Kubernetes' Python client watches with watch=True, patches, and a stale replace is a Conflict
    Given a config map "shared" was created through the API and its resourceVersion remembered
    When Kubernetes' Python client watches config maps in the scenario's namespace
    And Kubernetes' Python client patches "shared" setting "colour" to "blue"
    Then Kubernetes' Python client lists config maps and sees "shared" with "colour" = "blue"
    And within 5 seconds the Python client's watch has received 'ADDED "shared", MODIFIED "shared"'
    And the audit log shows the Python client's watch was asked with "watch=True" and served as a watch
    When Kubernetes' Python client replaces "shared" at the resourceVersion it was created with
    Then Kubernetes' Python client fails with 409 and a Status whose reason is "Conflict"
