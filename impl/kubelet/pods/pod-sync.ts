// The kubelet's pod sync: make what runs on this node match one pod's spec, then report it.
//
// "The kubelet asks the runtime for a sandbox, then starts each container; it restarts them as
// the restart policy says, and reports what it sees." Each call looks at the pod as it is now
// and takes the next step, like every reconcile loop in kubelab: make the sandbox if there is
// none; run the init containers one at a time, each to completion; start every container not
// running, unless its restart policy or its back-off says to wait; then write the status. A
// pod being deleted has its containers stopped within its grace period (SIGTERM, then
// SIGKILL), and only then does the kubelet delete the object for good (grace period 0).
// Real Kubernetes: pkg/kubelet/kubelet.go (SyncPod, SyncTerminatingPod),
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, SyncPod, doBackOff).
import path from 'node:path';
import { isConflict, isNotFound } from '../../client/api-errors.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { RestClient } from '../../client/rest-client.js';
import type { JsonObject, KubeObject } from '../../client/types.js';
import type {
  Attachment,
  ContainerStatus,
  ImageService,
  PodSandboxStatus,
  RuntimeService,
} from '../cri/runtime-service.js';
import { type Backoff, goDuration } from './backoff.js';
import { containerEnv } from './container-env.js';
import { containerStatusOf, type Waiting } from './container-status.js';
import type { ContainerView } from './container-view.js';
import { ImagePuller } from './image-puller.js';
import { onHostNetwork, podLabel, specsOf, stringsOf, timestamp } from './pod-fields.js';
import { podStatus } from './pod-status.js';
import { type ProbeKind, ProbeManager, type ProbeResult } from './probes.js';
import { shouldRestart } from './restart-policy.js';
import { type StartupStages, StartupTracker } from './startup-stages.js';

export const DefaultGracePeriodSeconds = 30;
export const MinimumGracePeriodSeconds = 2;

export interface PodSyncOptions {
  readonly hostIp: string;
  /** Where container logs go: `<logDir>/<namespace>_<name>_<uid>/<container>/<attempt>.log`. */
  readonly logDir: string;
  readonly crashLoop: Backoff;
  readonly imagePull: Backoff;
  readonly now?: () => Date;
  /** Called when a probe result of one of the pod's containers changes: sync the pod again. */
  readonly onProbeResult?: (podUid: string) => void;
  /** Told once per pod when its status first reports every container running, with when each stage ended. */
  readonly onStarted?: (pod: KubeObject, stages: StartupStages) => void;
}

export class PodSync {
  private readonly sandboxes = new Map<string, string>();
  private readonly startTimes = new Map<string, string>();
  private readonly written = new Map<string, string>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly finished = new Set<string>();
  private readonly puller: ImagePuller;
  /** Each pod's start, stage by stage, until its status reports it running. */
  private readonly startup: StartupTracker;
  /** Static pods, by uid: the uid of the mirror pod their status goes to. */
  private readonly statusTargets = new Map<string, string | undefined>();
  private readonly now: () => Date;
  private readonly probes: ProbeManager;
  /** The pod each running container belongs to, for its probes' results. */
  private readonly podOfContainer = new Map<string, KubeObject>();

  constructor(
    private readonly client: RestClient,
    private readonly runtime: RuntimeService,
    images: ImageService,
    private readonly recorder: EventRecorder,
    private readonly options: PodSyncOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.puller = new ImagePuller(images, options.imagePull);
    this.startup = new StartupTracker(options.onStarted);
    this.probes = new ProbeManager((containerId, kind, result) => void this.probed(containerId, kind, result));
  }

  // #region adopt
  /**
   * After the kubelet restarted: the runtime still runs the pods it had. Each pod's newest
   * sandbox is its sandbox again, so the next sync starts nothing that runs (a container that
   * exited meanwhile is restarted as its policy says); a pod whose sandbox was stopped had
   * finished. Returns the uids of the pods found.
   */
  adopt(): string[] {
    const newest = new Map<string, PodSandboxStatus>();
    for (const sandbox of this.runtime.listPodSandboxes()) {
      const known = newest.get(sandbox.config.uid);
      if (!known || known.createdAt < sandbox.createdAt) newest.set(sandbox.config.uid, sandbox);
    }
    for (const [uid, sandbox] of newest) {
      this.sandboxes.set(uid, sandbox.id);
      if (sandbox.state !== 'SANDBOX_READY') this.finished.add(uid);
    }
    return [...newest.keys()];
  }
  // #endregion adopt

  /** Whether the pod has a sandbox already (it started, or was adopted). */
  knows(pod: KubeObject): boolean {
    return this.sandboxes.has(pod.metadata.uid ?? '');
  }

  /** The uids of the pods the runtime has a sandbox for. */
  podUidsInRuntime(): Set<string> {
    return new Set(this.runtime.listPodSandboxes().map((sandbox) => sandbox.config.uid));
  }

  /** The uid of the pod a container belongs to, for the runtime's exit events. */
  podUidOf(container: ContainerStatus): string | undefined {
    return this.runtime.podSandboxStatus(container.sandboxId)?.config.uid;
  }

  // #region pod-sync
  /** One step towards `pod`'s spec; resolves with the milliseconds after which to look again. */
  async sync(pod: KubeObject): Promise<number | undefined> {
    const uid = pod.metadata.uid ?? '';
    if (pod.metadata.deletionTimestamp) return this.terminate(pod);
    if (this.finished.has(uid)) return undefined;
    if (!this.sandboxes.has(uid)) this.startup.seen(uid);
    const sandboxId = this.sandboxes.get(uid) ?? (await this.createSandbox(pod));
    const specOf = (field: 'containers' | 'initContainers') => specsOf(pod, field);
    let requeue: number | undefined;
    const later = (ms: number | undefined) => {
      if (ms !== undefined) requeue = Math.min(requeue ?? ms, ms);
    };
    // Init containers run one at a time, each to completion, before any other container.
    let initialized = true;
    for (const container of specOf('initContainers')) {
      const latest = this.latest(sandboxId, String(container.name));
      if (latest?.state === 'CONTAINER_EXITED' && latest.exitCode === 0) continue;
      initialized = false;
      later(await this.ensureRunning(pod, sandboxId, container, { init: true }));
      break;
    }
    if (initialized)
      for (const container of specOf('containers')) later(await this.ensureRunning(pod, sandboxId, container));
    await this.writeStatus(pod, sandboxId, this.podIp(pod, sandboxId), specOf('initContainers'), specOf('containers'));
    return requeue;
  }
  // #endregion pod-sync

  /** A static pod whose manifest is gone (or changed): its containers stop, as a deleted pod's do. */
  async stopStaticPod(pod: KubeObject): Promise<void> {
    await this.stopContainers(pod, pod.spec?.terminationGracePeriodSeconds);
    await this.forget(pod.metadata.uid ?? '');
    this.statusTargets.delete(pod.metadata.uid ?? '');
  }

  /**
   * A static pod's status goes to its mirror pod, whose uid is not the static pod's; undefined
   * while there is no mirror pod (the API server may be down: the pod runs all the same).
   */
  reportStatusTo(podUid: string, mirrorUid: string | undefined): void {
    this.statusTargets.set(podUid, mirrorUid);
  }

  /** The pod is gone from the API (deleted at once, grace 0): stop whatever of it still runs. */
  async forget(uid: string): Promise<void> {
    const sandboxId = this.sandboxes.get(uid);
    for (const container of sandboxId ? this.runtime.listContainers({ sandboxId }) : []) {
      this.probes.stop(container.id);
      this.podOfContainer.delete(container.id);
    }
    if (sandboxId !== undefined) await this.runtime.removePodSandbox(sandboxId);
    this.sandboxes.delete(uid);
    this.startTimes.delete(uid);
    this.written.delete(uid);
    this.finished.delete(uid);
    this.startup.forget(uid);
    this.options.crashLoop.forget(`${uid}/`);
    this.puller.forget(`${uid}/`);
  }

  /** For `kubectl logs`: a container of the pod as its status shows it; undefined if it has none of that name. */
  containerView(pod: KubeObject, name: string): ContainerView | undefined {
    const spec = [...specsOf(pod, 'initContainers'), ...specsOf(pod, 'containers')].find((c) => c.name === name);
    if (!spec) return undefined;
    const sandboxId = this.sandboxes.get(pod.metadata.uid ?? '');
    if (sandboxId === undefined)
      return {
        name,
        image: String(spec.image ?? ''),
        imageID: '',
        state: {},
        lastState: {},
        ready: false,
        started: false,
        restartCount: 0,
      };
    return this.view(pod, sandboxId, spec);
  }

  /** For `kubectl exec`: the network namespace of the pod, if its container `name` runs. */
  runningContainerNetns(pod: KubeObject, name: string): string | undefined {
    const sandboxId = this.sandboxes.get(pod.metadata.uid ?? '');
    if (sandboxId === undefined || this.latest(sandboxId, name)?.state !== 'CONTAINER_RUNNING') return undefined;
    return this.runtime.podSandboxStatus(sandboxId)?.netns;
  }

  /** For `kubectl attach`: the streams of the pod's container `name`, if it runs. */
  attach(
    pod: KubeObject,
    name: string,
    output: (stream: 'stdout' | 'stderr', chunk: Buffer) => void,
  ): Attachment | undefined {
    const sandboxId = this.sandboxes.get(pod.metadata.uid ?? '');
    const latest = sandboxId === undefined ? undefined : this.latest(sandboxId, name);
    return latest && this.runtime.attach(latest.id, output);
  }

  /** The runtime's status of a container: its log's path, whether it runs. */
  containerStatus(id: string): ContainerStatus | undefined {
    return this.runtime.containerStatus(id);
  }

  private async createSandbox(pod: KubeObject): Promise<string> {
    const { name = '', namespace = '', uid = '' } = pod.metadata;
    const hostNetwork = onHostNetwork(pod);
    const id = await this.runtime.runPodSandbox({ name, namespace, uid, attempt: 0, hostNetwork });
    this.sandboxes.set(uid, id);
    // A pod that ran here before (the node rebooted, its runtime forgot it) keeps its start
    // time, as the kubelet's status manager keeps the one the API has.
    this.startTimes.set(uid, stringOr(pod.status?.startTime) ?? timestamp(this.now()));
    this.startup.sandboxReady(uid);
    return id;
  }

  // #region ensure-running
  /** Starts `container` unless it runs, or its policy or back-off says to wait (then: how long). */
  private async ensureRunning(
    pod: KubeObject,
    sandboxId: string,
    container: JsonObject,
    { init = false } = {},
  ): Promise<number | undefined> {
    const name = String(container.name ?? '');
    const key = `${pod.metadata.uid}/${name}`;
    const latest = this.latest(sandboxId, name);
    // Found running after a restart of the kubelet: its probes start again.
    if (latest?.state === 'CONTAINER_RUNNING' && !this.podOfContainer.has(latest.id))
      this.watch(pod, sandboxId, container, latest.id);
    if (latest?.state === 'CONTAINER_RUNNING' && !this.failedProbe(latest)) return undefined;
    if (latest?.state === 'CONTAINER_RUNNING') await this.killUnhealthy(pod, latest);
    else if (latest && latest.state !== 'CONTAINER_EXITED') return undefined;
    if (latest) this.probes.stop(latest.id);
    const now = this.now().getTime();
    if (latest) {
      if (!shouldRestart(String(pod.spec?.restartPolicy ?? 'Always'), latest.exitCode ?? 0, init)) return undefined;
      const wait = this.options.crashLoop.remaining(key, latest.finishedAt?.getTime() ?? now, now);
      if (wait > 0) {
        const delay = goDuration(this.options.crashLoop.delay(key));
        const message = `back-off ${delay} restarting failed container=${name} pod=${podLabel(pod)}`;
        this.waiting.set(key, { reason: 'CrashLoopBackOff', message });
        await this.event(
          pod,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${name} in pod ${podLabel(pod)}`,
        );
        return wait;
      }
      this.options.crashLoop.next(key, now);
    }
    const record = (type: 'Normal' | 'Warning', reason: string, message: string) =>
      this.event(pod, type, reason, message);
    const image = await this.puller.ensureImage(key, String(container.image ?? ''), now, record);
    if (!image.isPresent) {
      this.waiting.set(key, image.waiting);
      return image.retryInMs;
    }
    this.waiting.delete(key);
    await this.start(pod, sandboxId, container, (latest?.attempt ?? -1) + 1);
    return undefined;
  }
  // #endregion ensure-running

  private async start(pod: KubeObject, sandboxId: string, container: JsonObject, attempt: number): Promise<void> {
    const { name: podName, namespace, uid } = pod.metadata;
    const name = String(container.name ?? '');
    const addresses = { podIp: this.podIp(pod, sandboxId), hostIp: this.options.hostIp };
    const logPath = path.join(this.options.logDir, `${namespace}_${podName}_${uid}`, name, `${attempt}.log`);
    const id = await this.runtime.createContainer(sandboxId, {
      name,
      attempt,
      image: String(container.image ?? ''),
      command: stringsOf(container.command),
      args: stringsOf(container.args),
      env: containerEnv(pod, container, addresses),
      logPath,
      stdin: container.stdin === true,
    });
    await this.event(pod, 'Normal', 'Created', `Created container: ${name}`);
    await this.runtime.startContainer(id);
    await this.event(pod, 'Normal', 'Started', `Started container ${name}`);
    this.watch(pod, sandboxId, container, id);
    // Only the attempt before this one is kept: it is the container's lastState.
    for (const old of this.runtime.listContainers({ sandboxId })) {
      if (old.name === name && old.attempt < attempt - 1) await this.runtime.removeContainer(old.id);
    }
  }

  /** Probe a running container, and know its pod when a probe's result changes. */
  private watch(pod: KubeObject, sandboxId: string, container: JsonObject, id: string): void {
    const sandbox = this.runtime.podSandboxStatus(sandboxId);
    this.podOfContainer.set(id, pod);
    this.probes.start(id, container, { podIp: this.podIp(pod, sandboxId), netns: sandbox?.netns ?? '' });
  }

  /** The pod's address: its sandbox's, or the node's for a pod on the host's network. */
  private podIp(pod: KubeObject, sandboxId: string): string {
    if (onHostNetwork(pod)) return this.options.hostIp;
    return this.runtime.podSandboxStatus(sandboxId)?.ip ?? '';
  }

  // #region graceful-termination
  // Graceful deletion: SIGTERM to every container, SIGKILL after the grace period, then the
  // object goes for good; the uid precondition keeps a new pod of the same name safe.
  private async terminate(pod: KubeObject): Promise<undefined> {
    const uid = pod.metadata.uid ?? '';
    await this.stopContainers(pod, pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds);
    await this.forget(uid);
    const ref = { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name };
    await this.client.delete(ref, { gracePeriodSeconds: 0, preconditions: { uid } }).catch((error: unknown) => {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    });
    return undefined;
  }

  /** Stops every running container of `pod` within the grace period, then writes its last status. */
  private async stopContainers(pod: KubeObject, given: unknown): Promise<void> {
    const sandboxId = this.sandboxes.get(pod.metadata.uid ?? '');
    if (sandboxId === undefined) return;
    // The kubelet gives every container at least 2 seconds (minimumGracePeriodInSeconds).
    const grace = Math.max(MinimumGracePeriodSeconds, Number(given ?? DefaultGracePeriodSeconds));
    const running = this.runtime
      .listContainers({ sandboxId })
      .filter((container) => container.state === 'CONTAINER_RUNNING');
    for (const container of running) await this.event(pod, 'Normal', 'Killing', `Stopping container ${container.name}`);
    await Promise.all(running.map((container) => this.runtime.stopContainer(container.id, grace)));
    // What the containers ended with is the pod's last status: Succeeded or Failed.
    const ip = this.runtime.podSandboxStatus(sandboxId)?.ip;
    await this.writeStatus(pod, sandboxId, ip, specsOf(pod, 'initContainers'), specsOf(pod, 'containers'), true);
  }
  // #endregion graceful-termination

  private async writeStatus(
    pod: KubeObject,
    sandboxId: string,
    podIp: string | undefined,
    initSpecs: JsonObject[],
    specs: JsonObject[],
    terminal = false,
  ): Promise<void> {
    const uid = pod.metadata.uid ?? '';
    const view = (container: JsonObject) => this.view(pod, sandboxId, container);
    const status = podStatus(
      pod,
      {
        sandboxReady: this.runtime.podSandboxStatus(sandboxId)?.state === 'SANDBOX_READY',
        podIp,
        hostIp: this.options.hostIp,
        // A pod adopted after a restart keeps the start time its status has.
        startTime: this.startTimes.get(uid) ?? stringOr(pod.status?.startTime) ?? timestamp(this.now()),
        initContainers: initSpecs.map(view),
        containers: specs.map(view),
        terminal,
      },
      timestamp(this.now()),
    );
    const target = this.statusTargets.has(uid) ? this.statusTargets.get(uid) : uid;
    const text = `${target}\n${JSON.stringify(status)}`;
    if (target !== undefined && this.written.get(uid) !== text) {
      const name = pod.metadata.name;
      const ref = { resource: 'pods', namespace: pod.metadata.namespace, name, subresource: 'status' };
      try {
        await this.client.patch(ref, { metadata: { uid: target }, status }, 'strategic');
        this.written.set(uid, text);
        this.startup.statusWritten(pod, status, () => this.containersStartedAt(uid));
      } catch (error) {
        // Deleted meanwhile: its last status has no object left to go to.
        if (!isNotFound(error)) throw error;
      }
    }
    // A pod that has finished stays finished: nothing of it starts again, and its sandbox
    // (its network namespace and address) is given back.
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      this.finished.add(uid);
      await this.runtime.stopPodSandbox(sandboxId);
    }
  }

  /** When the last of a pod's containers started. */
  private containersStartedAt(uid: string): number {
    const containers = this.runtime.listContainers({ sandboxId: this.sandboxes.get(uid) });
    return Math.max(...containers.map((container) => container.startedAt?.getTime() ?? 0));
  }

  /** What `status.containerStatuses[]` says of one container. */
  private view(pod: KubeObject, sandboxId: string, container: JsonObject): ContainerView {
    const name = String(container.name ?? '');
    const attempts = this.runtime
      .listContainers({ sandboxId })
      .filter((candidate) => candidate.name === name)
      .sort((a, b) => b.attempt - a.attempt);
    const latest = attempts[0];
    return containerStatusOf({
      name,
      image: String(container.image ?? ''),
      attempts,
      waiting: this.waiting.get(`${pod.metadata.uid}/${name}`),
      initializing: specsOf(pod, 'initContainers').length > 0,
      startupPassed: latest === undefined || this.probes.result(latest.id, 'startup') !== false,
      readinessPassed: latest === undefined || this.probes.result(latest.id, 'readiness') !== false,
    });
  }

  /** A liveness or startup probe that failed for good: the container must be restarted. */
  private failedProbe(container: ContainerStatus): 'liveness' | 'startup' | undefined {
    if (this.probes.failed(container.id, 'startup')) return 'startup';
    return this.probes.failed(container.id, 'liveness') ? 'liveness' : undefined;
  }

  /** Stops a container whose liveness or startup probe failed; its restart policy decides the rest. */
  private async killUnhealthy(pod: KubeObject, container: ContainerStatus): Promise<void> {
    const kind = this.failedProbe(container);
    this.probes.stop(container.id);
    await this.event(pod, 'Normal', 'Killing', `Container ${container.name} failed ${kind} probe, will be restarted`);
    const grace = Number(pod.spec?.terminationGracePeriodSeconds ?? DefaultGracePeriodSeconds);
    await this.runtime.stopContainer(container.id, Math.max(MinimumGracePeriodSeconds, grace));
  }

  /** A probe said something new: an Unhealthy event for a failure, and another look at the pod. */
  private async probed(containerId: string, kind: ProbeKind, result: ProbeResult): Promise<void> {
    const pod = this.podOfContainer.get(containerId);
    if (!pod) return;
    if (!result.ok) {
      const what = `${kind[0]?.toUpperCase()}${kind.slice(1)}`;
      await this.event(pod, 'Warning', 'Unhealthy', `${what} probe failed: ${result.message}`);
    }
    this.options.onProbeResult?.(pod.metadata.uid ?? '');
  }

  private latest(sandboxId: string, name: string): ContainerStatus | undefined {
    return this.runtime
      .listContainers({ sandboxId })
      .filter((container) => container.name === name)
      .sort((a, b) => b.attempt - a.attempt)[0];
  }

  private event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void> {
    return this.recorder.record({ ...pod, kind: 'Pod' }, type, reason, message);
  }
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
