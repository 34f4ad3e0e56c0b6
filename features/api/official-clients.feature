@api @k8s:1.32
Feature: Kubernetes' own client libraries work unmodified
  kubectl is one official client; @kubernetes/client-node, Kubernetes' JavaScript client, is
  another that no one here wrote. It builds its own URLs and query parameters, sends its own
  patch content types and reads errors as Status objects, so it checks the API as any program
  written against Kubernetes would use it. Source: Kubernetes documentation, "Client Libraries".

  @conformance:api-client-node-list-watch-patch-conflict
  Scenario: @kubernetes/client-node lists, watches and patches, and a stale replace is a Conflict
    Given a config map "shared" was created through the API and its resourceVersion remembered
    When @kubernetes/client-node watches config maps in the scenario's namespace
    And @kubernetes/client-node patches "shared" with a merge patch setting "colour" to "blue"
    Then @kubernetes/client-node lists config maps and sees "shared" with "colour" = "blue"
    And within 5 seconds the client-node watch has received 'ADDED "shared", MODIFIED "shared"'
    When @kubernetes/client-node replaces "shared" at the resourceVersion it was created with
    Then @kubernetes/client-node fails with 409 and a Status whose reason is "Conflict"
