// The protobuf schema table: for each message, field number → JSON name, type and mode.
//
// "kubectl speaks protobuf to the API server": a protobuf body carries field numbers, not
// names, so decoding needs this table. It is written by hand, in the field order of the
// `.proto` files (which is the Go struct order, hence the JSON key order), and covers the kinds
// kubelab serves with the fields a learner's kubectl commands and manifests use.
//
// Real Kubernetes: go-to-protobuf generates generated.proto and generated.pb.go from types.go;
// the numbers below come from staging/src/k8s.io/api/{core,apps,coordination}/v1/generated.proto
// and staging/src/k8s.io/apimachinery/pkg/{apis/meta/v1,runtime,util/intstr,api/resource}/generated.proto.
// A data table: no function-length limit, and kept in one file past 300 lines so every message is in one place.

/**
 * How a field becomes JSON:
 * - `omitempty` (the default): a zero scalar ('', 0, false) is left out, as Go's `json:",omitempty"`
 *   does. The Go marshaller writes every non-pointer field, zero or not, so the wire alone can't tell.
 * - `keep`: a zero value stays: a Go pointer (`replicas *int32`) or a field without omitempty.
 * - `repeated`: a JSON array. `map`: a `map<string, type>`, sent as entries {1: key, 2: value}.
 * - `inline`: a Go embedded struct (`json:",inline"`): its fields land in the parent object.
 */
export type FieldMode = 'omitempty' | 'keep' | 'repeated' | 'map' | 'inline';

/** [field number, JSON name, scalar type or message name, mode]. */
export type FieldRow = readonly [number, string, string, FieldMode?];

/** Scalars as they appear in generated.proto; any other type in a row names a message below. */
export const scalarTypes: readonly string[] = ['string', 'int32', 'int64', 'bool', 'bytes'];

export const messages: Record<string, readonly FieldRow[]> = {
  // ---- apimachinery/pkg/runtime: the envelope after the `k8s\0` magic.
  Unknown: [
    [1, 'typeMeta', 'TypeMeta'],
    [2, 'raw', 'bytes'],
    [3, 'contentEncoding', 'string'],
    [4, 'contentType', 'string'],
  ],
  TypeMeta: [
    [1, 'apiVersion', 'string'],
    [2, 'kind', 'string'],
  ],

  // ---- Types with a custom MarshalJSON in Go; protobuf.ts turns them into their JSON form.
  IntOrString: [
    [1, 'type', 'int64', 'keep'],
    [2, 'intVal', 'int32', 'keep'],
    [3, 'strVal', 'string', 'keep'],
  ],
  Quantity: [[1, 'string', 'string', 'keep']],
  Time: [
    [1, 'seconds', 'int64', 'keep'],
    [2, 'nanos', 'int32', 'keep'],
  ],
  MicroTime: [
    [1, 'seconds', 'int64', 'keep'],
    [2, 'nanos', 'int32', 'keep'],
  ],
  FieldsV1: [[1, 'Raw', 'bytes', 'keep']],

  // ---- apimachinery/pkg/apis/meta/v1
  ObjectMeta: [
    [1, 'name', 'string'],
    [2, 'generateName', 'string'],
    [3, 'namespace', 'string'],
    [4, 'selfLink', 'string'],
    [5, 'uid', 'string'],
    [6, 'resourceVersion', 'string'],
    [7, 'generation', 'int64'],
    [8, 'creationTimestamp', 'Time'],
    [9, 'deletionTimestamp', 'Time'],
    [10, 'deletionGracePeriodSeconds', 'int64', 'keep'],
    [11, 'labels', 'string', 'map'],
    [12, 'annotations', 'string', 'map'],
    [13, 'ownerReferences', 'OwnerReference', 'repeated'],
    [14, 'finalizers', 'string', 'repeated'],
    [17, 'managedFields', 'ManagedFieldsEntry', 'repeated'],
  ],
  OwnerReference: [
    [5, 'apiVersion', 'string', 'keep'],
    [1, 'kind', 'string', 'keep'],
    [3, 'name', 'string', 'keep'],
    [4, 'uid', 'string', 'keep'],
    [6, 'controller', 'bool', 'keep'],
    [7, 'blockOwnerDeletion', 'bool', 'keep'],
  ],
  ManagedFieldsEntry: [
    [1, 'manager', 'string'],
    [2, 'operation', 'string'],
    [3, 'apiVersion', 'string'],
    [4, 'time', 'Time'],
    [6, 'fieldsType', 'string'],
    [7, 'fieldsV1', 'FieldsV1'],
    [8, 'subresource', 'string'],
  ],
  LabelSelector: [
    [1, 'matchLabels', 'string', 'map'],
    [2, 'matchExpressions', 'LabelSelectorRequirement', 'repeated'],
  ],
  LabelSelectorRequirement: [
    [1, 'key', 'string', 'keep'],
    [2, 'operator', 'string', 'keep'],
    [3, 'values', 'string', 'repeated'],
  ],
  Condition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [3, 'observedGeneration', 'int64'],
    [4, 'lastTransitionTime', 'Time'],
    [5, 'reason', 'string', 'keep'],
    [6, 'message', 'string', 'keep'],
  ],
  DeleteOptions: [
    [1, 'gracePeriodSeconds', 'int64', 'keep'],
    [2, 'preconditions', 'Preconditions'],
    [3, 'orphanDependents', 'bool', 'keep'],
    [4, 'propagationPolicy', 'string', 'keep'],
    [5, 'dryRun', 'string', 'repeated'],
  ],
  Preconditions: [
    [1, 'uid', 'string', 'keep'],
    [2, 'resourceVersion', 'string', 'keep'],
  ],

  // ---- api/core/v1: Namespace, ConfigMap, Binding, Event
  Namespace: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'NamespaceSpec'],
    [3, 'status', 'NamespaceStatus'],
  ],
  NamespaceSpec: [[1, 'finalizers', 'string', 'repeated']],
  NamespaceStatus: [
    [1, 'phase', 'string'],
    [2, 'conditions', 'NamespaceCondition', 'repeated'],
  ],
  NamespaceCondition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [4, 'lastTransitionTime', 'Time'],
    [5, 'reason', 'string'],
    [6, 'message', 'string'],
  ],
  ConfigMap: [
    [1, 'metadata', 'ObjectMeta'],
    [4, 'immutable', 'bool', 'keep'],
    [2, 'data', 'string', 'map'],
    [3, 'binaryData', 'bytes', 'map'],
  ],
  Binding: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'target', 'ObjectReference'],
  ],
  ObjectReference: [
    [1, 'kind', 'string'],
    [2, 'namespace', 'string'],
    [3, 'name', 'string'],
    [4, 'uid', 'string'],
    [5, 'apiVersion', 'string'],
    [6, 'resourceVersion', 'string'],
    [7, 'fieldPath', 'string'],
  ],
  Event: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'involvedObject', 'ObjectReference'],
    [3, 'reason', 'string'],
    [4, 'message', 'string'],
    [5, 'source', 'EventSource'],
    [6, 'firstTimestamp', 'Time'],
    [7, 'lastTimestamp', 'Time'],
    [8, 'count', 'int32'],
    [9, 'type', 'string'],
    [10, 'eventTime', 'MicroTime'],
    [12, 'action', 'string'],
    [13, 'related', 'ObjectReference'],
    [14, 'reportingComponent', 'string', 'keep'],
    [15, 'reportingInstance', 'string', 'keep'],
  ],
  EventSource: [
    [1, 'component', 'string'],
    [2, 'host', 'string'],
  ],

  // ---- api/core/v1: Pod and its template
  Pod: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'PodSpec'],
    [3, 'status', 'PodStatus'],
  ],
  PodTemplateSpec: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'PodSpec'],
  ],
  PodSpec: [
    [1, 'volumes', 'Volume', 'repeated'],
    [20, 'initContainers', 'Container', 'repeated'],
    [2, 'containers', 'Container', 'repeated'],
    [3, 'restartPolicy', 'string'],
    [4, 'terminationGracePeriodSeconds', 'int64', 'keep'],
    [5, 'activeDeadlineSeconds', 'int64', 'keep'],
    [6, 'dnsPolicy', 'string'],
    [7, 'nodeSelector', 'string', 'map'],
    [8, 'serviceAccountName', 'string'],
    [9, 'serviceAccount', 'string'],
    [21, 'automountServiceAccountToken', 'bool', 'keep'],
    [10, 'nodeName', 'string'],
    [11, 'hostNetwork', 'bool'],
    [12, 'hostPID', 'bool'],
    [13, 'hostIPC', 'bool'],
    [27, 'shareProcessNamespace', 'bool', 'keep'],
    [14, 'securityContext', 'PodSecurityContext'],
    [15, 'imagePullSecrets', 'LocalObjectReference', 'repeated'],
    [16, 'hostname', 'string'],
    [17, 'subdomain', 'string'],
    [18, 'affinity', 'Affinity'],
    [19, 'schedulerName', 'string'],
    [22, 'tolerations', 'Toleration', 'repeated'],
    [24, 'priorityClassName', 'string'],
    [25, 'priority', 'int32', 'keep'],
    [29, 'runtimeClassName', 'string', 'keep'],
    [30, 'enableServiceLinks', 'bool', 'keep'],
    [31, 'preemptionPolicy', 'string', 'keep'],
    [32, 'overhead', 'Quantity', 'map'],
    [33, 'topologySpreadConstraints', 'TopologySpreadConstraint', 'repeated'],
    [35, 'setHostnameAsFQDN', 'bool', 'keep'],
  ],
  Container: [
    [1, 'name', 'string', 'keep'],
    [2, 'image', 'string'],
    [3, 'command', 'string', 'repeated'],
    [4, 'args', 'string', 'repeated'],
    [5, 'workingDir', 'string'],
    [6, 'ports', 'ContainerPort', 'repeated'],
    [19, 'envFrom', 'EnvFromSource', 'repeated'],
    [7, 'env', 'EnvVar', 'repeated'],
    [8, 'resources', 'ResourceRequirements'],
    [24, 'restartPolicy', 'string', 'keep'],
    [9, 'volumeMounts', 'VolumeMount', 'repeated'],
    [10, 'livenessProbe', 'Probe'],
    [11, 'readinessProbe', 'Probe'],
    [22, 'startupProbe', 'Probe'],
    [12, 'lifecycle', 'Lifecycle'],
    [13, 'terminationMessagePath', 'string'],
    [20, 'terminationMessagePolicy', 'string'],
    [14, 'imagePullPolicy', 'string'],
    [15, 'securityContext', 'SecurityContext'],
    [16, 'stdin', 'bool'],
    [17, 'stdinOnce', 'bool'],
    [18, 'tty', 'bool'],
  ],
  ContainerPort: [
    [1, 'name', 'string'],
    [2, 'hostPort', 'int32'],
    [3, 'containerPort', 'int32', 'keep'],
    [4, 'protocol', 'string'],
    [5, 'hostIP', 'string'],
  ],
  EnvVar: [
    [1, 'name', 'string', 'keep'],
    [2, 'value', 'string'],
    [3, 'valueFrom', 'EnvVarSource'],
  ],
  EnvVarSource: [
    [1, 'fieldRef', 'ObjectFieldSelector'],
    [2, 'resourceFieldRef', 'ResourceFieldSelector'],
    [3, 'configMapKeyRef', 'ConfigMapKeySelector'],
    [4, 'secretKeyRef', 'SecretKeySelector'],
  ],
  ObjectFieldSelector: [
    [1, 'apiVersion', 'string'],
    [2, 'fieldPath', 'string', 'keep'],
  ],
  ResourceFieldSelector: [
    [1, 'containerName', 'string'],
    [2, 'resource', 'string', 'keep'],
    [3, 'divisor', 'Quantity'],
  ],
  ConfigMapKeySelector: [
    [1, '', 'LocalObjectReference', 'inline'],
    [2, 'key', 'string', 'keep'],
    [3, 'optional', 'bool', 'keep'],
  ],
  SecretKeySelector: [
    [1, '', 'LocalObjectReference', 'inline'],
    [2, 'key', 'string', 'keep'],
    [3, 'optional', 'bool', 'keep'],
  ],
  EnvFromSource: [
    [1, 'prefix', 'string'],
    [2, 'configMapRef', 'ConfigMapEnvSource'],
    [3, 'secretRef', 'SecretEnvSource'],
  ],
  ConfigMapEnvSource: [
    [1, '', 'LocalObjectReference', 'inline'],
    [2, 'optional', 'bool', 'keep'],
  ],
  SecretEnvSource: [
    [1, '', 'LocalObjectReference', 'inline'],
    [2, 'optional', 'bool', 'keep'],
  ],
  LocalObjectReference: [[1, 'name', 'string']],
  ResourceRequirements: [
    [1, 'limits', 'Quantity', 'map'],
    [2, 'requests', 'Quantity', 'map'],
  ],
  VolumeMount: [
    [1, 'name', 'string', 'keep'],
    [2, 'readOnly', 'bool'],
    [3, 'mountPath', 'string', 'keep'],
    [4, 'subPath', 'string'],
    [5, 'mountPropagation', 'string', 'keep'],
    [6, 'subPathExpr', 'string'],
  ],
  Volume: [
    [1, 'name', 'string', 'keep'],
    [2, '', 'VolumeSource', 'inline'],
  ],
  VolumeSource: [
    [1, 'hostPath', 'HostPathVolumeSource'],
    [2, 'emptyDir', 'EmptyDirVolumeSource'],
    [6, 'secret', 'SecretVolumeSource'],
    [10, 'persistentVolumeClaim', 'PersistentVolumeClaimVolumeSource'],
    [19, 'configMap', 'ConfigMapVolumeSource'],
  ],
  HostPathVolumeSource: [
    [1, 'path', 'string', 'keep'],
    [2, 'type', 'string', 'keep'],
  ],
  EmptyDirVolumeSource: [
    [1, 'medium', 'string'],
    [2, 'sizeLimit', 'Quantity'],
  ],
  SecretVolumeSource: [
    [1, 'secretName', 'string'],
    [2, 'items', 'KeyToPath', 'repeated'],
    [3, 'defaultMode', 'int32', 'keep'],
    [4, 'optional', 'bool', 'keep'],
  ],
  ConfigMapVolumeSource: [
    [1, '', 'LocalObjectReference', 'inline'],
    [2, 'items', 'KeyToPath', 'repeated'],
    [3, 'defaultMode', 'int32', 'keep'],
    [4, 'optional', 'bool', 'keep'],
  ],
  KeyToPath: [
    [1, 'key', 'string', 'keep'],
    [2, 'path', 'string', 'keep'],
    [3, 'mode', 'int32', 'keep'],
  ],
  PersistentVolumeClaimVolumeSource: [
    [1, 'claimName', 'string', 'keep'],
    [2, 'readOnly', 'bool'],
  ],
  // Probe embeds ProbeHandler (called Handler before 1.23): exec, httpGet and tcpSocket sit beside the timings.
  Probe: [
    [1, '', 'Handler', 'inline'],
    [2, 'initialDelaySeconds', 'int32'],
    [3, 'timeoutSeconds', 'int32'],
    [4, 'periodSeconds', 'int32'],
    [5, 'successThreshold', 'int32'],
    [6, 'failureThreshold', 'int32'],
    [7, 'terminationGracePeriodSeconds', 'int64', 'keep'],
  ],
  Handler: [
    [1, 'exec', 'ExecAction'],
    [2, 'httpGet', 'HTTPGetAction'],
    [3, 'tcpSocket', 'TCPSocketAction'],
  ],
  Lifecycle: [
    [1, 'postStart', 'Handler'],
    [2, 'preStop', 'Handler'],
  ],
  ExecAction: [[1, 'command', 'string', 'repeated']],
  HTTPGetAction: [
    [1, 'path', 'string'],
    [2, 'port', 'IntOrString'],
    [3, 'host', 'string'],
    [4, 'scheme', 'string'],
    [5, 'httpHeaders', 'HTTPHeader', 'repeated'],
  ],
  HTTPHeader: [
    [1, 'name', 'string', 'keep'],
    [2, 'value', 'string', 'keep'],
  ],
  TCPSocketAction: [
    [1, 'port', 'IntOrString'],
    [2, 'host', 'string'],
  ],
  SecurityContext: [
    [1, 'capabilities', 'Capabilities'],
    [2, 'privileged', 'bool', 'keep'],
    [4, 'runAsUser', 'int64', 'keep'],
    [8, 'runAsGroup', 'int64', 'keep'],
    [5, 'runAsNonRoot', 'bool', 'keep'],
    [6, 'readOnlyRootFilesystem', 'bool', 'keep'],
    [7, 'allowPrivilegeEscalation', 'bool', 'keep'],
  ],
  Capabilities: [
    [1, 'add', 'string', 'repeated'],
    [2, 'drop', 'string', 'repeated'],
  ],
  PodSecurityContext: [
    [2, 'runAsUser', 'int64', 'keep'],
    [6, 'runAsGroup', 'int64', 'keep'],
    [3, 'runAsNonRoot', 'bool', 'keep'],
    [4, 'supplementalGroups', 'int64', 'repeated'],
    [5, 'fsGroup', 'int64', 'keep'],
  ],
  Toleration: [
    [1, 'key', 'string'],
    [2, 'operator', 'string'],
    [3, 'value', 'string'],
    [4, 'effect', 'string'],
    [5, 'tolerationSeconds', 'int64', 'keep'],
  ],
  Affinity: [
    [1, 'nodeAffinity', 'NodeAffinity'],
    [2, 'podAffinity', 'PodAffinity'],
    [3, 'podAntiAffinity', 'PodAffinity'],
  ],
  NodeAffinity: [
    [1, 'requiredDuringSchedulingIgnoredDuringExecution', 'NodeSelector'],
    [2, 'preferredDuringSchedulingIgnoredDuringExecution', 'PreferredSchedulingTerm', 'repeated'],
  ],
  NodeSelector: [[1, 'nodeSelectorTerms', 'NodeSelectorTerm', 'repeated']],
  NodeSelectorTerm: [
    [1, 'matchExpressions', 'NodeSelectorRequirement', 'repeated'],
    [2, 'matchFields', 'NodeSelectorRequirement', 'repeated'],
  ],
  NodeSelectorRequirement: [
    [1, 'key', 'string', 'keep'],
    [2, 'operator', 'string', 'keep'],
    [3, 'values', 'string', 'repeated'],
  ],
  PreferredSchedulingTerm: [
    [1, 'weight', 'int32', 'keep'],
    [2, 'preference', 'NodeSelectorTerm'],
  ],
  // PodAntiAffinity has the same two fields as PodAffinity, so one row serves both.
  PodAffinity: [
    [1, 'requiredDuringSchedulingIgnoredDuringExecution', 'PodAffinityTerm', 'repeated'],
    [2, 'preferredDuringSchedulingIgnoredDuringExecution', 'WeightedPodAffinityTerm', 'repeated'],
  ],
  PodAffinityTerm: [
    [1, 'labelSelector', 'LabelSelector'],
    [2, 'namespaces', 'string', 'repeated'],
    [3, 'topologyKey', 'string', 'keep'],
    [4, 'namespaceSelector', 'LabelSelector'],
  ],
  WeightedPodAffinityTerm: [
    [1, 'weight', 'int32', 'keep'],
    [2, 'podAffinityTerm', 'PodAffinityTerm'],
  ],
  TopologySpreadConstraint: [
    [1, 'maxSkew', 'int32', 'keep'],
    [2, 'topologyKey', 'string', 'keep'],
    [3, 'whenUnsatisfiable', 'string', 'keep'],
    [4, 'labelSelector', 'LabelSelector'],
  ],
  PodStatus: [
    [1, 'phase', 'string'],
    [2, 'conditions', 'PodCondition', 'repeated'],
    [3, 'message', 'string'],
    [4, 'reason', 'string'],
    [11, 'nominatedNodeName', 'string'],
    [5, 'hostIP', 'string'],
    [6, 'podIP', 'string'],
    [12, 'podIPs', 'PodIP', 'repeated'],
    [7, 'startTime', 'Time'],
    [9, 'qosClass', 'string'],
  ],
  PodCondition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [3, 'lastProbeTime', 'Time'],
    [4, 'lastTransitionTime', 'Time'],
    [5, 'reason', 'string'],
    [6, 'message', 'string'],
  ],
  PodIP: [[1, 'ip', 'string']],

  // ---- api/core/v1: Service and Node
  Service: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'ServiceSpec'],
    [3, 'status', 'ServiceStatus'],
  ],
  ServiceSpec: [
    [1, 'ports', 'ServicePort', 'repeated'],
    [2, 'selector', 'string', 'map'],
    [3, 'clusterIP', 'string'],
    [18, 'clusterIPs', 'string', 'repeated'],
    [4, 'type', 'string'],
    [5, 'externalIPs', 'string', 'repeated'],
    [7, 'sessionAffinity', 'string'],
    [8, 'loadBalancerIP', 'string'],
    [9, 'loadBalancerSourceRanges', 'string', 'repeated'],
    [10, 'externalName', 'string'],
    [11, 'externalTrafficPolicy', 'string'],
    [12, 'healthCheckNodePort', 'int32'],
    [13, 'publishNotReadyAddresses', 'bool'],
    [14, 'sessionAffinityConfig', 'SessionAffinityConfig'],
    [19, 'ipFamilies', 'string', 'repeated'],
    [17, 'ipFamilyPolicy', 'string', 'keep'],
    [20, 'allocateLoadBalancerNodePorts', 'bool', 'keep'],
    [21, 'loadBalancerClass', 'string', 'keep'],
    [22, 'internalTrafficPolicy', 'string', 'keep'],
  ],
  ServicePort: [
    [1, 'name', 'string'],
    [2, 'protocol', 'string'],
    [6, 'appProtocol', 'string', 'keep'],
    [3, 'port', 'int32', 'keep'],
    [4, 'targetPort', 'IntOrString'],
    [5, 'nodePort', 'int32'],
  ],
  SessionAffinityConfig: [[1, 'clientIP', 'ClientIPConfig']],
  ClientIPConfig: [[1, 'timeoutSeconds', 'int32', 'keep']],
  ServiceStatus: [
    [1, 'loadBalancer', 'LoadBalancerStatus'],
    [2, 'conditions', 'Condition', 'repeated'],
  ],
  LoadBalancerStatus: [[1, 'ingress', 'LoadBalancerIngress', 'repeated']],
  LoadBalancerIngress: [
    [1, 'ip', 'string'],
    [2, 'hostname', 'string'],
  ],
  Node: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'NodeSpec'],
    [3, 'status', 'NodeStatus'],
  ],
  NodeSpec: [
    [1, 'podCIDR', 'string'],
    [7, 'podCIDRs', 'string', 'repeated'],
    [3, 'providerID', 'string'],
    [4, 'unschedulable', 'bool'],
    [5, 'taints', 'Taint', 'repeated'],
    [2, 'externalID', 'string'],
  ],
  Taint: [
    [1, 'key', 'string', 'keep'],
    [2, 'value', 'string'],
    [3, 'effect', 'string', 'keep'],
    [4, 'timeAdded', 'Time'],
  ],
  NodeStatus: [
    [1, 'capacity', 'Quantity', 'map'],
    [2, 'allocatable', 'Quantity', 'map'],
    [3, 'phase', 'string'],
    [4, 'conditions', 'NodeCondition', 'repeated'],
    [5, 'addresses', 'NodeAddress', 'repeated'],
  ],
  NodeCondition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [3, 'lastHeartbeatTime', 'Time'],
    [4, 'lastTransitionTime', 'Time'],
    [5, 'reason', 'string'],
    [6, 'message', 'string'],
  ],
  NodeAddress: [
    [1, 'type', 'string', 'keep'],
    [2, 'address', 'string', 'keep'],
  ],

  // ---- api/apps/v1
  Deployment: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'DeploymentSpec'],
    [3, 'status', 'DeploymentStatus'],
  ],
  DeploymentSpec: [
    [1, 'replicas', 'int32', 'keep'],
    [2, 'selector', 'LabelSelector'],
    [3, 'template', 'PodTemplateSpec'],
    [4, 'strategy', 'DeploymentStrategy'],
    [5, 'minReadySeconds', 'int32'],
    [6, 'revisionHistoryLimit', 'int32', 'keep'],
    [7, 'paused', 'bool'],
    [9, 'progressDeadlineSeconds', 'int32', 'keep'],
  ],
  DeploymentStrategy: [
    [1, 'type', 'string'],
    [2, 'rollingUpdate', 'RollingUpdateDeployment'],
  ],
  RollingUpdateDeployment: [
    [1, 'maxUnavailable', 'IntOrString'],
    [2, 'maxSurge', 'IntOrString'],
  ],
  DeploymentStatus: [
    [1, 'observedGeneration', 'int64'],
    [2, 'replicas', 'int32'],
    [3, 'updatedReplicas', 'int32'],
    [7, 'readyReplicas', 'int32'],
    [4, 'availableReplicas', 'int32'],
    [5, 'unavailableReplicas', 'int32'],
    [9, 'terminatingReplicas', 'int32', 'keep'],
    [6, 'conditions', 'DeploymentCondition', 'repeated'],
    [8, 'collisionCount', 'int32', 'keep'],
  ],
  DeploymentCondition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [6, 'lastUpdateTime', 'Time'],
    [7, 'lastTransitionTime', 'Time'],
    [4, 'reason', 'string'],
    [5, 'message', 'string'],
  ],
  ReplicaSet: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'ReplicaSetSpec'],
    [3, 'status', 'ReplicaSetStatus'],
  ],
  ReplicaSetSpec: [
    [1, 'replicas', 'int32', 'keep'],
    [4, 'minReadySeconds', 'int32'],
    [2, 'selector', 'LabelSelector'],
    [3, 'template', 'PodTemplateSpec'],
  ],
  ReplicaSetStatus: [
    [1, 'replicas', 'int32', 'keep'],
    [2, 'fullyLabeledReplicas', 'int32'],
    [4, 'readyReplicas', 'int32'],
    [5, 'availableReplicas', 'int32'],
    [7, 'terminatingReplicas', 'int32', 'keep'],
    [3, 'observedGeneration', 'int64'],
    [6, 'conditions', 'ReplicaSetCondition', 'repeated'],
  ],
  ReplicaSetCondition: [
    [1, 'type', 'string', 'keep'],
    [2, 'status', 'string', 'keep'],
    [3, 'lastTransitionTime', 'Time'],
    [4, 'reason', 'string'],
    [5, 'message', 'string'],
  ],

  // ---- api/coordination/v1: every LeaseSpec field is a Go pointer.
  Lease: [
    [1, 'metadata', 'ObjectMeta'],
    [2, 'spec', 'LeaseSpec'],
  ],
  LeaseSpec: [
    [1, 'holderIdentity', 'string', 'keep'],
    [2, 'leaseDurationSeconds', 'int32', 'keep'],
    [3, 'acquireTime', 'MicroTime'],
    [4, 'renewTime', 'MicroTime'],
    [5, 'leaseTransitions', 'int32', 'keep'],
    [6, 'strategy', 'string', 'keep'],
    [7, 'preferredHolder', 'string', 'keep'],
  ],
};

/**
 * `apiVersion/kind` from the envelope's TypeMeta → the message its raw bytes hold. DeleteOptions
 * is registered in every group version (metav1.AddToGroupVersion), so it is listed under each.
 */
export const protobufKinds: Record<string, string> = {
  'v1/Namespace': 'Namespace',
  'v1/Pod': 'Pod',
  'v1/Binding': 'Binding',
  'v1/Node': 'Node',
  'v1/Service': 'Service',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Event': 'Event',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'coordination.k8s.io/v1/Lease': 'Lease',
  'v1/DeleteOptions': 'DeleteOptions',
  'apps/v1/DeleteOptions': 'DeleteOptions',
  'coordination.k8s.io/v1/DeleteOptions': 'DeleteOptions',
  'meta.k8s.io/v1/DeleteOptions': 'DeleteOptions',
};
