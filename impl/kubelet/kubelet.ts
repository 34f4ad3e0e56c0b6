// The kubelet: the node's agent. It registers its Node, heartbeats, and runs the pods bound to it.
//
// "The kubelet registers the node, watches the API server for pods bound to it, runs them
// through the container runtime, and reports their status." It starts by creating its own
// Node, then keeps two heartbeats: its Lease, renewed every 10 s, and the node's status,
// posted when it changes (and every 5 minutes anyway). It watches only its own pods
// (fieldSelector spec.nodeName=<node>) and syncs each one in a work queue (pod-sync.ts). It
// watches the Nodes too: its own tells it its podCIDR, and the others where to route theirs.
// A pod can start once the node's network is set up from its podCIDR; until then the node
// reports Ready=False, as a real node does while its network plugin is not ready, and only
// pods on the host's network run. Pods have a second source, the manifest folder: static pods
// run from their files, and the kubelet shows each in the API as a mirror pod
// (config/static-pod.ts). That source needs no API server: on a kubeadm control-plane node the
// API server is one of those static pods, so the kubelet runs them first and registers its
// Node once the API server it started answers. The pods' processes are the
// container runtime's, another process of the node (cri/remote-runtime.ts): a kubelet that
// starts again finds them running, adopts them, and stops only those no source wants any more
// (its housekeeping, every 2 s).
// Real Kubernetes: pkg/kubelet/kubelet.go (Run, syncLoop), kubelet_node_status.go,
// pkg/kubelet/pod/mirror_client.go.
import { isAlreadyExists, isConflict, isNotFound } from '../client/api-errors.js';
import { EventRecorder } from '../client/event-recorder.js';
import { Informer, keyOf } from '../client/informer.js';
import type { Logger } from '../client/logger.js';
import { ControllerRunner } from '../client/reconcile.js';
import type { RestClient } from '../client/rest-client.js';
import { sleep } from '../client/sleep.js';
import type { JsonObject, KubeObject } from '../client/types.js';
import { WorkQueue } from '../client/workqueue.js';
import { ManifestFolder } from './config/manifest-folder.js';
import { RemoteRuntime } from './cri/remote-runtime.js';
import type { LogSource } from './logs/container-logs.js';
import { isMirrorPod, mirrorIsCurrent, mirrorPod } from './config/static-pod.js';
import { CatalogueImageService } from './images/catalogue.js';
import { PodRoutes } from './network/routes.js';
import { initialNode } from './node/initial-node.js';
import { type Machine, readMachine } from './node/machine.js';
import { renewNodeLease } from './node/node-lease.js';
import { type Condition, nodeStatus, sameStatus } from './node/node-status.js';
import { Backoff } from './pods/backoff.js';
import { onHostNetwork } from './pods/pod-fields.js';
import { PodSync } from './pods/pod-sync.js';
import { startKubeletServer } from './server.js';

export interface KubeletOptions {
  readonly nodeName: string;
  readonly controlPlane: boolean;
  readonly cpu?: string;
  readonly memory?: string;
  readonly statusUpdateMs: number;
  readonly statusReportMs: number;
  readonly leaseRenewMs: number;
  readonly crashLoopInitialMs: number;
  readonly crashLoopMaxMs: number;
  readonly imagePullInitialMs: number;
  readonly imagePullMaxMs: number;
  readonly logDir: string;
  readonly workers: number;
  /** The manifest folder of static pods (--pod-manifest-path), read every fileCheckMs. */
  readonly staticPodPath: string;
  readonly fileCheckMs: number;
  /** The container runtime's socket (--container-runtime-endpoint). */
  readonly runtimeSocket: string;
  /** The runtime's connection broke: what this kubelet knows of the pods may be wrong from now on. */
  readonly onRuntimeLost: () => void;
}

/** How often the kubelet looks for pods that should not run (housekeeping-interval, 2 s). */
const HousekeepingMs = 2_000;

/** Registration tries again after 100 ms, doubling up to 7 s (registerWithAPIServer's steps). */
const RegisterRetry = { initialMs: 100, maxMs: 7_000 };

export class Kubelet {
  private readonly machine: Machine;
  private readonly nodes: Informer<KubeObject>;
  private readonly pods: Informer<KubeObject>;
  private readonly queue = new WorkQueue();
  private readonly recorder: EventRecorder;
  private readonly routes: PodRoutes;
  /** The uid each pod key had, so that a pod deleted for good is still cleaned up. */
  private readonly uids = new Map<string, string>();
  private readonly podSync: PodSync;
  /** The runtime has the node's podCIDR: pods with a network of their own can start. */
  private networkReady = false;
  private settingUpNetwork = false;
  /** The pod informer has listed this node's pods: until then, housekeeping knows too little. */
  private podsListed = false;
  private readonly runtime: RemoteRuntime;
  /** The static pods of the manifest folder, by `<namespace>/<name>`. */
  private staticPods = new Map<string, KubeObject>();
  /** Static pods by uid, while they run: to stop one whose manifest changed or went. */
  private readonly staticByUid = new Map<string, KubeObject>();
  private readonly manifests: ManifestFolder;
  private lastStatus?: { status: JsonObject; postedAt: number };

  constructor(
    private readonly client: RestClient,
    private readonly logger: Logger,
    private readonly options: KubeletOptions,
  ) {
    this.machine = readMachine(options.nodeName, { cpu: options.cpu, memory: options.memory });
    this.recorder = new EventRecorder(client, 'kubelet', logger);
    this.routes = new PodRoutes(options.nodeName);
    this.manifests = new ManifestFolder(options.staticPodPath, options.nodeName, logger, (pods) =>
      this.staticPodsRead(pods),
    );
    this.runtime = new RemoteRuntime(
      options.runtimeSocket,
      (container) => this.podChanged(this.podSync.podUidOf(container)),
      (reason) => {
        logger.error('lost the container runtime', { reason });
        options.onRuntimeLost();
      },
    );
    this.podSync = new PodSync(client, this.runtime, new CatalogueImageService(), this.recorder, {
      hostIp: this.machine.internalIp,
      logDir: options.logDir,
      crashLoop: new Backoff(options.crashLoopInitialMs, options.crashLoopMaxMs),
      imagePull: new Backoff(options.imagePullInitialMs, options.imagePullMaxMs),
      onProbeResult: (uid) => this.podChanged(uid),
      // One line per pod start, with each stage's end: what the startup benchmark reads.
      onStarted: (pod, stages) =>
        logger.info('pod started', { pod: `${pod.metadata.namespace}/${pod.metadata.name}`, ...stages }),
    });
    this.nodes = new Informer(client, { resource: 'nodes' }, logger);
    this.nodes.addEventHandler({
      onAdd: () => void this.nodesChanged(),
      onUpdate: () => void this.nodesChanged(),
      onDelete: () => void this.nodesChanged(),
    });
    // Only this node's pods: the API server filters them, so a big cluster costs a node nothing.
    const fieldSelector = `spec.nodeName=${options.nodeName}`;
    this.pods = new Informer(client, { resource: 'pods' }, logger, { fieldSelector });
    this.pods.addEventHandler({
      onAdd: (pod) => this.queue.add(keyOf(pod)),
      onUpdate: (_old, pod) => this.queue.add(keyOf(pod)),
      onDelete: (pod) => this.queue.add(keyOf(pod)),
    });
  }

  // #region kubelet-run
  async run(signal: AbortSignal): Promise<void> {
    await this.runtime.connect();
    // Whatever the runtime still runs (the kubelet restarted) is this kubelet's again.
    const adopted = this.podSync.adopt();
    if (adopted.length > 0) this.logger.info('adopted the pods the runtime runs', { pods: adopted.length });
    const server = startKubeletServer(
      () => this.runningPods(),
      this.logSource(),
      {
        execNetns: (namespace, name, container) => {
          const pod = this.runningPod(namespace, name);
          return pod && this.podSync.runningContainerNetns(pod, container);
        },
        attach: (namespace, name, container, output) => {
          const pod = this.runningPod(namespace, name);
          return pod && this.podSync.attach(pod, container, output);
        },
      },
      this.logger,
    );
    signal.addEventListener('abort', () => server.close(), { once: true });
    // Mirror pods of static pods are judged against the folder: read it before any sync.
    await this.manifests.start(this.options.fileCheckMs);
    const housekeeping = setInterval(() => void this.housekeeping(), HousekeepingMs);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(housekeeping);
        this.manifests.stop();
      },
      { once: true },
    );
    // The static pods start now, with or without an API server; the Node joins when it can.
    void this.joinCluster(signal);
    await new ControllerRunner(
      { name: 'pod-sync', reconcile: (key) => this.syncPod(key) },
      this.queue,
      this.logger,
      this.options.workers,
    ).run(signal);
  }

  /** Registers the Node, then lists this node's pods and keeps the two heartbeats, until stopped. */
  private async joinCluster(signal: AbortSignal): Promise<void> {
    await this.register(signal);
    if (signal.aborted) return;
    void this.nodes.run(signal);
    void this.pods.run(signal);
    await Promise.all([this.nodes.waitForSync(), this.pods.waitForSync()]);
    if (signal.aborted) return;
    this.podsListed = true;
    await this.heartbeat();
    const lease = setInterval(() => void this.renewLease(), this.options.leaseRenewMs);
    const status = setInterval(() => void this.postStatus(), this.options.statusUpdateMs);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(lease);
        clearInterval(status);
      },
      { once: true },
    );
  }
  // #endregion kubelet-run

  // #region register-node
  /**
   * Creates this node's Node; one that exists already (a restarted kubelet) is kept. Until the
   * API server answers (it may be a static pod this kubelet is starting), it tries again.
   */
  private async register(signal: AbortSignal): Promise<void> {
    const node = initialNode(this.options.nodeName, this.machine, this.options.controlPlane);
    for (let waitMs = RegisterRetry.initialMs; !signal.aborted; waitMs = Math.min(waitMs * 2, RegisterRetry.maxMs)) {
      try {
        await this.client.create({ resource: 'nodes' }, node);
        this.logger.info('registered the node', { node: this.options.nodeName });
        return;
      } catch (error) {
        if (isAlreadyExists(error)) {
          this.logger.info('the node was registered before', { node: this.options.nodeName });
          return;
        }
        this.logger.error('unable to register the node with the API server', { error, retryInMs: waitMs });
        await sleep(waitMs, signal);
      }
    }
  }
  // #endregion register-node

  private ownNode(): KubeObject | undefined {
    return this.nodes.get(this.options.nodeName);
  }

  private async heartbeat(): Promise<void> {
    await this.postStatus();
    await this.renewLease();
  }

  private async renewLease(): Promise<void> {
    const node = this.ownNode();
    if (!node) return;
    await renewNodeLease(this.client, node, new Date()).catch((error: unknown) =>
      this.logger.error('renewing the node lease failed', { error }),
    );
  }

  // #region post-node-status
  /** Posts the node's status when it changed, or when the last post is older than the report period. */
  private async postStatus(): Promise<void> {
    const node = this.ownNode();
    if (!node) return;
    const previous = (node.status?.conditions ?? []) as unknown as Condition[];
    const status = nodeStatus(this.machine, this.networkReady, previous, timestamp(new Date()));
    const now = Date.now();
    const last = this.lastStatus;
    if (last && sameStatus(last.status, status) && now - last.postedAt < this.options.statusReportMs) return;
    try {
      await this.client.patch({ resource: 'nodes', name: this.options.nodeName, subresource: 'status' }, { status });
      this.lastStatus = { status, postedAt: now };
    } catch (error) {
      this.logger.error('posting the node status failed', { error });
    }
  }
  // #endregion post-node-status

  private async nodesChanged(): Promise<void> {
    try {
      await this.setUpNetwork();
      await this.routes.sync(this.nodes.list());
    } catch (error) {
      this.logger.error('setting up the pod network failed', { error });
    }
  }

  /** Once the node has a podCIDR: the runtime's bridge, whose sandboxes take addresses from it. */
  private async setUpNetwork(): Promise<void> {
    const podCidr = this.ownNode()?.spec?.podCIDR;
    if (this.networkReady || this.settingUpNetwork || typeof podCidr !== 'string') return;
    this.settingUpNetwork = true;
    try {
      const { gateway } = await this.runtime.updateRuntimeConfig(podCidr);
      this.logger.info('pod network ready', { podCIDR: podCidr, gateway });
    } finally {
      this.settingUpNetwork = false;
    }
    this.networkReady = true;
    await this.postStatus();
    for (const pod of this.pods.list()) this.queue.add(keyOf(pod));
  }

  // #region housekeeping
  /**
   * Stops the pods the runtime runs that no source wants: deleted while the kubelet was down,
   * or a static pod whose manifest went meanwhile. Waits for the manifest folder's first read.
   */
  private async housekeeping(): Promise<void> {
    const podSync = this.podSync;
    if (!this.podsListed) return;
    const sources = [...this.pods.list(), ...this.staticPods.values()];
    const wanted = new Set([...this.uids.values(), ...sources.map((pod) => pod.metadata.uid)]);
    for (const uid of podSync.podUidsInRuntime()) {
      if (wanted.has(uid)) continue;
      this.logger.info('stopping a pod no source has', { uid });
      await podSync.forget(uid);
    }
  }
  // #endregion housekeeping

  /** A container exited, or a probe result changed: sync its pod again (the PLEG's part). */
  private podChanged(uid: string | undefined): void {
    for (const [key, known] of this.uids) if (known === uid) this.queue.add(key);
  }

  // #region sync-pod-source
  /**
   * One pod, from whichever source has it: the manifest folder for a static pod (whose mirror
   * pod in the API is only its reflection), the API server for every other pod.
   */
  private async syncPod(key: string): Promise<{ requeueAfterMs?: number }> {
    const podSync = this.podSync;
    const staticPod = this.staticPods.get(key);
    const apiPod = this.pods.get(key);
    const pod = staticPod ?? (apiPod && !isMirrorPod(apiPod) ? apiPod : undefined);
    // No pod network yet: only a pod on the host's network can start. Look again soon.
    if (pod && !this.networkReady && !onHostNetwork(pod) && !podSync.knows(pod)) return { requeueAfterMs: 1000 };
    // Gone, or replaced by a new pod of the same name (an edited manifest): stop the old one.
    const known = this.uids.get(key);
    if (known !== undefined && known !== pod?.metadata.uid) {
      const oldStatic = this.staticByUid.get(known);
      await (oldStatic ? podSync.stopStaticPod(oldStatic) : podSync.forget(known));
      this.staticByUid.delete(known);
      this.uids.delete(key);
    }
    // A mirror pod whose static pod is gone goes too.
    if (!staticPod && apiPod && isMirrorPod(apiPod)) await this.deleteMirror(apiPod);
    if (!pod) return {};
    this.uids.set(key, pod.metadata.uid ?? '');
    if (staticPod) {
      this.staticByUid.set(pod.metadata.uid ?? '', staticPod);
      const mirror = apiPod && mirrorIsCurrent(apiPod, staticPod) ? apiPod : undefined;
      podSync.reportStatusTo(pod.metadata.uid ?? '', mirror?.metadata.uid);
    }
    // The pod runs first: a static pod needs no API server, and its mirror may wait for one.
    let requeueAfterMs = await podSync.sync(pod);
    // No Node yet (the API server is not up, or has not heard of this node): look again soon.
    if (staticPod && !(await this.syncMirror(staticPod, apiPod)))
      requeueAfterMs = Math.min(requeueAfterMs ?? 1000, 1000);
    if (pod.metadata.deletionTimestamp) this.uids.delete(key);
    return requeueAfterMs === undefined ? {} : { requeueAfterMs };
  }
  // #endregion sync-pod-source

  // #region sync-mirror
  /**
   * Makes the API show `pod` through a current mirror pod: a stale or deleted one is replaced.
   * False while there is no Node to own it yet.
   */
  private async syncMirror(pod: KubeObject, existing: KubeObject | undefined): Promise<boolean> {
    if (existing && mirrorIsCurrent(existing, pod)) return true;
    const node = this.ownNode();
    if (!node?.metadata.uid) return false;
    if (existing && isMirrorPod(existing)) await this.deleteMirror(existing);
    try {
      await this.client.create({ resource: 'pods', namespace: pod.metadata.namespace }, mirrorPod(pod, node));
      this.logger.info('created a mirror pod', { pod: `${pod.metadata.namespace}/${pod.metadata.name}` });
    } catch (error) {
      // Another sync made it, or an older one still goes away: the next event looks again.
      if (!isAlreadyExists(error)) throw error;
    }
    return true;
  }
  // #endregion sync-mirror

  private async deleteMirror(mirror: KubeObject): Promise<void> {
    const { name, namespace, uid = '' } = mirror.metadata;
    await this.client
      .delete({ resource: 'pods', namespace, name }, { gracePeriodSeconds: 0, preconditions: { uid } })
      .catch((error: unknown) => {
        if (!isNotFound(error) && !isConflict(error)) throw error;
      });
  }

  /** The pods this kubelet runs, as it knows them: a static pod from its file, the rest from the API. */
  private runningPods(): KubeObject[] {
    return [...this.uids.keys()].flatMap((key) => {
      const pod = this.staticPods.get(key) ?? this.pods.get(key);
      return pod ? [pod] : [];
    });
  }

  private runningPod(namespace: string, name: string): KubeObject | undefined {
    return this.runningPods().find((pod) => pod.metadata.namespace === namespace && pod.metadata.name === name);
  }

  /** What `kubectl logs` needs of this kubelet: its pods, their containers, the runtime's. */
  private logSource(): LogSource {
    return {
      pod: (namespace, name) => this.runningPod(namespace, name),
      view: (pod, container) => this.podSync.containerView(pod, container),
      container: (id) => this.podSync.containerStatus(id),
    };
  }

  /** The manifest folder was read: every static pod that appeared, changed or went is synced. */
  private staticPodsRead(pods: Map<string, KubeObject>): void {
    const before = this.staticPods;
    this.staticPods = pods;
    for (const key of new Set([...before.keys(), ...pods.keys()])) {
      if (before.get(key)?.metadata.uid !== pods.get(key)?.metadata.uid) this.queue.add(key);
    }
  }
}

function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
