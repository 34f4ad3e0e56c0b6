@api @k8s:1.32
Feature: The API describes its own schemas, and the server refuses the fields they lack
  The API server publishes an OpenAPI document for each group version (/openapi/v3) and an
  older single one (/openapi/v2), built from the same types it decodes objects into. kubectl
  reads them to explain fields, and leaves field validation to the server: with
  fieldValidation=Strict a field the schema lacks is refused with 400 BadRequest; with Warn, the
  server's default, it is dropped and each one comes back as a warning. Sources: Kubernetes
  documentation, "Kubernetes API" (OpenAPI interface definition) and "API Concepts" (Field
  validation).

  @conformance:api-openapi-explain-upstream-docs
  Scenario: kubectl explain prints Kubernetes' own field documentation
    When kubectl explains "pods.spec.containers"
    Then kubectl prints "FIELD: containers <[]Container>"
    And kubectl prints "List of containers belonging to the pod."

  @conformance:api-field-validation-strict-refuses
  Scenario Outline: kubectl apply --validate=strict of a <kind> with an unknown field is refused
    When kubectl applies with --validate=strict a <kind> "odd" with the unknown field "<field>"
    Then kubectl is refused with BadRequest: '<Kind> in version "v1" cannot be handled as a <Kind>: <error>'
    And "odd" does not exist

    Examples:
      | kind       | Kind      | field    | error                                           |
      | config map | ConfigMap | foo      | strict decoding error: unknown field "foo"      |
      | pod        | Pod       | spec.foo | strict decoding error: unknown field "spec.foo" |

  @conformance:api-field-validation-warn-drops
  Scenario: with --validate=warn the object is created, the field dropped and a warning printed
    When kubectl applies with --validate=warn a pod "odd" with the unknown field "spec.containers.0.colour"
    Then kubectl succeeds and warns 'Warning: unknown field "spec.containers[0].colour"'
    And "odd" exists without the field "spec.containers.0.colour"

  @conformance:api-field-validation-strict-patch
  Scenario: an apply that adds an unknown field to an existing object is refused as a patch
    Given kubectl applied a config map "odd"
    When kubectl applies with --validate=strict a config map "odd" with the unknown field "foo"
    Then kubectl is refused with BadRequest: 'strict decoding error: unknown field "foo"'
    And "odd" exists without the field "foo"
