@api @k8s:1.32
Feature: The API server gives each pod its quality-of-service class when it is created
  A pod is Guaranteed when every container limits cpu and memory and requests what it limits,
  BestEffort when no container requests or limits either, and Burstable otherwise. The API
  server works the class out once, as it stores the new pod, and writes it into
  status.qosClass; a limit without a request first becomes the request too. The kubelet reads
  the class to decide whom to evict first when its node runs short.
  Source: kubernetes.io "Pod Quality of Service Classes"; kube-apiserver's pod strategy
  (PrepareForCreate) and ComputePodQOS.

  @conformance:api-pod-qos-class
  Scenario Outline: a pod whose container requests <requests> and limits <limits> is <class>
    When a pod "app" whose container requests <requests> and limits <limits> is created with kubectl
    Then kubectl shows pod "app" with status.qosClass "<class>"
    And kubectl shows pod "app" requesting <stored requests>

    Examples:
      | requests             | limits                  | class      | stored requests      |
      | nothing              | nothing                 | BestEffort | nothing              |
      | cpu=100m,memory=64Mi | cpu=100m,memory=64Mi    | Guaranteed | cpu=100m,memory=64Mi |
      | nothing              | cpu=1,memory=1Gi        | Guaranteed | cpu=1,memory=1Gi     |
      | cpu=1,memory=1Gi     | cpu=1000m,memory=1024Mi | Guaranteed | cpu=1,memory=1Gi     |
      | cpu=100m             | cpu=200m,memory=64Mi    | Burstable  | cpu=100m,memory=64Mi |
      | memory=64Mi          | nothing                 | Burstable  | memory=64Mi          |
