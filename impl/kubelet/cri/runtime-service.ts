// The container runtime interface: what the kubelet asks of whatever runs its containers.
//
// "The kubelet talks to the container runtime through CRI, a gRPC API." The kubelet never
// starts a process itself: it asks for a pod sandbox (the pod's network namespace, its IP),
// then for each container in it, and reads back their states. Any runtime that answers these
// calls can run pods: containerd, CRI-O, or kubelab's process runtime (process-runtime.ts).
//
// The runtime is another process of the node, reached on a Unix socket (runtime-wire.ts): the
// kubelet's side is remote-runtime.ts, the runtime's runtime/runtime-server.ts. kubelab
// simplifies: JSON over HTTP, not gRPC, and the calls carry only the fields the lessons use.
// Real Kubernetes: k8s.io/cri-api/pkg/apis/runtime/v1/api.proto (RuntimeService).

export type SandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';

export interface PodSandboxConfig {
  /** The pod's name, namespace and uid: the sandbox's identity. */
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  /** Which attempt at a sandbox for this pod (0 first). */
  readonly attempt: number;
  /**
   * The pod shares the node's network (`spec.hostNetwork`): no namespace of its own and no
   * address from the podCIDR, so it can run before the pod network exists, as the control
   * plane's static pods do. CRI: NamespaceOption.network = NODE.
   */
  readonly hostNetwork?: boolean;
}

export interface PodSandboxStatus {
  readonly id: string;
  readonly config: PodSandboxConfig;
  readonly state: SandboxState;
  /** The pod's IP on the node's bridge, from the node's podCIDR; '' on the host's network. */
  readonly ip: string;
  /**
   * The network namespace its containers share: `ip netns exec <netns>` enters it; '' on the
   * host's network, whose pods' processes run in the node's own.
   */
  readonly netns: string;
  readonly createdAt: Date;
}

export interface ContainerConfig {
  readonly name: string;
  /** How many times this container was started before, for restartCount. */
  readonly attempt: number;
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Where its standard output and error go, one file per attempt (`<container>/<attempt>.log`). */
  readonly logPath: string;
  /** Its standard input stays open for `kubectl attach -i` (the spec's `stdin: true`). */
  readonly stdin?: boolean;
}

/** A client joined to a running container's standard streams (CRI's Attach). */
export interface Attachment {
  /** The container's standard input, when its spec keeps it open. */
  readonly stdin?: NodeJS.WritableStream;
  /** Resolves when the container exits. */
  readonly exited: Promise<void>;
  detach(): void;
}

export interface ContainerStatus {
  readonly id: string;
  readonly sandboxId: string;
  readonly name: string;
  readonly attempt: number;
  readonly image: string;
  readonly state: ContainerState;
  readonly pid?: number;
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  readonly exitCode?: number;
  /** Why it exited: `Completed` (code 0), `Error`, or the signal that killed it. */
  readonly reason?: string;
  readonly logPath: string;
}

// #region runtime-service
/** The calls of CRI's RuntimeService that kubelab's kubelet makes. */
export interface RuntimeService {
  runPodSandbox(config: PodSandboxConfig): Promise<string>;
  /** Stops every container of the sandbox (they get SIGKILL) and takes its network down. */
  stopPodSandbox(sandboxId: string): Promise<void>;
  removePodSandbox(sandboxId: string): Promise<void>;
  podSandboxStatus(sandboxId: string): PodSandboxStatus | undefined;
  listPodSandboxes(): PodSandboxStatus[];
  createContainer(sandboxId: string, config: ContainerConfig): Promise<string>;
  startContainer(containerId: string): Promise<void>;
  /** SIGTERM, then SIGKILL after `timeoutSeconds` if it still runs; resolves once it has exited. */
  stopContainer(containerId: string, timeoutSeconds: number): Promise<void>;
  removeContainer(containerId: string): Promise<void>;
  containerStatus(containerId: string): ContainerStatus | undefined;
  listContainers(filter?: { sandboxId?: string }): ContainerStatus[];
  /** Joins a running container's output from now on, and its input; undefined if it does not run. */
  attach(containerId: string, output: (stream: 'stdout' | 'stderr', chunk: Buffer) => void): Attachment | undefined;
}
// #endregion runtime-service

/** CRI's ImageService, as far as kubelab needs it: an image is there, or it cannot be pulled. */
export interface ImageService {
  /** Resolves with the image's id; rejects with the puller's message when it cannot be pulled. */
  pullImage(image: string): Promise<string>;
}
