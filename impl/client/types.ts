// API object types, declared once for every component.
//
// Kubernetes objects share one envelope: apiVersion and kind (TypeMeta), metadata
// (ObjectMeta), then a kind-specific spec and status. The API server stores and serves
// them as JSON; kubelab types only the fields its components read or write, and keeps the
// rest as plain JSON so nothing a client sends is lost.
//
// Real Kubernetes: k8s.io/apimachinery/pkg/apis/meta/v1/types.go (ObjectMeta, Status,
// ListMeta, WatchEvent) and k8s.io/api/core/v1/types.go (Pod, Node, ...).

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

/** Any API object: the typed envelope, with every other field kept as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: JsonObject;
  status?: JsonObject;
  [field: string]: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T = KubeObject> {
  type: WatchEventType;
  object: T;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status: the body of every API error, in the field order Kubernetes writes. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: ListMeta;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** The object the scheduler posts to pods/{name}/binding. */
export interface Binding extends KubeObject {
  target: { apiVersion?: string; kind?: string; name: string; namespace?: string };
}

// Pods and nodes, typed for the scheduler. Object-literal type aliases (not interfaces) so that
// each sub-type still fits KubeObject's JSON fields; only the fields kubelab reads are named.

/** A map from resource name (`cpu`, `memory`, `pods`, ...) to a quantity such as `"100m"` or `"1Gi"`. */
export type ResourceList = Record<string, string | number>;

export type ResourceRequirements = { requests?: ResourceList; limits?: ResourceList };

export type ContainerPort = {
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
};

export type Container = {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  resources?: ResourceRequirements;
  /** Only on init containers: `Always` makes it a sidecar that keeps running beside the app. */
  restartPolicy?: 'Always';
};

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export type Taint = { key: string; value?: string; effect: TaintEffect; timeAdded?: string };

export type Toleration = {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: TaintEffect;
  tolerationSeconds?: number;
};

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export type NodeSelectorRequirement = { key: string; operator: NodeSelectorOperator; values?: string[] };

export type NodeSelectorTerm = {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
};

export type NodeSelector = { nodeSelectorTerms: NodeSelectorTerm[] };

export type PreferredSchedulingTerm = { weight: number; preference: NodeSelectorTerm };

export type NodeAffinity = {
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
};

export type Affinity = { nodeAffinity?: NodeAffinity };

export type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  schedulerName?: string;
  priority?: number;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  overhead?: ResourceList;
};

export type PodCondition = { type: string; status: 'True' | 'False' | 'Unknown'; reason?: string; message?: string };

export type PodStatus = {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: PodCondition[];
  nominatedNodeName?: string;
  /** Why the pod is in its phase, e.g. `Evicted` when the kubelet evicted it. */
  reason?: string;
  /** Set by the API server when the pod is created (apiserver/qos.ts). */
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort';
};

export interface Pod extends KubeObject {
  spec: PodSpec;
  status?: PodStatus;
}

export type NodeSpec = { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string; podCIDRs?: string[] };

/**
 * Ready, MemoryPressure, DiskPressure, PIDPressure: what the kubelet reports, or the node
 * lifecycle controller when it stops.
 */
export type NodeCondition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
};

export type NodeStatus = { capacity?: ResourceList; allocatable?: ResourceList; conditions?: NodeCondition[] };

export interface Node extends KubeObject {
  spec?: NodeSpec;
  status?: NodeStatus;
}

// Deployments and the ReplicaSets they own, typed for the deployment controller.

/** An int or a percentage such as `"25%"` (intstr.IntOrString). */
export type IntOrString = number | string;

export type SelectorRequirement = {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
};

export type ObjectSelector = { matchLabels?: Record<string, string>; matchExpressions?: SelectorRequirement[] };

/** A pod template kept as JSON: controllers copy and compare it whole, never field by field. */
export type PodTemplateSpec = {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } & JsonObject;
  spec?: JsonObject;
};

export type DeploymentStrategy = {
  type?: 'RollingUpdate' | 'Recreate';
  rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString };
};

export type DeploymentSpec = {
  replicas?: number;
  selector?: ObjectSelector;
  template?: PodTemplateSpec;
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
};

export type DeploymentCondition = {
  type: 'Available' | 'Progressing' | 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
};

export type DeploymentStatus = {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
};

export interface Deployment extends KubeObject {
  spec?: DeploymentSpec;
  status?: DeploymentStatus;
}

export type ReplicaSetSpec = {
  replicas?: number;
  minReadySeconds?: number;
  selector?: ObjectSelector;
  template?: PodTemplateSpec;
};

/** A ReplicaSet has one condition type: ReplicaFailure, while creating or deleting its pods fails. */
export type ReplicaSetCondition = {
  type: 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
};
export type ReplicaSetStatus = {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
};

export interface ReplicaSet extends KubeObject {
  spec?: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}
