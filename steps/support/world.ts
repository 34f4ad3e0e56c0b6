// The World: what one scenario holds while it runs.
//
// It reaches the shared cluster through the doors a learner has (the REST API, kubectl,
// etcdctl), remembers the names and versions the scenario made, and keeps a cleanup stack.
// Names are random on every run, so no hard-coded answer can pass a scenario.

import { randomBytes } from 'node:crypto';
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { Cluster } from '../../impl/cluster/cluster.js';
import type { NodeFleet } from '../../impl/cluster/node-fleet.js';
import { ApiError, RestClient, type ResourceRef } from '../../impl/client/rest-client.js';
import type { KubeObject, Status } from '../../impl/client/types.js';
import type { ClusterAccess } from './cluster-access.js';
import { parseEtcdctlJson, runCommand, type CommandResult, type EtcdKeyValue } from './commands.js';
import type { KindInfo } from './manifests.js';
import type { StubReports } from './stub-reports.js';
import type { ProbeRecorder } from './probe-recorder.js';
import type { WatchRecorder } from './watch-recorder.js';
import type { OwnerWatchdog } from '../../impl/cluster/owner-watchdog.js';

/**
 * The cluster every scenario shares, set once by the BeforeAll hook: `cluster` when this run
 * started it, `access` always (see cluster-access.ts).
 */
export const shared: {
  cluster?: Cluster;
  /** Removes the cluster if this process dies without AfterAll. */
  watchdog?: OwnerWatchdog;
  access?: ClusterAccess;
  stubReports?: StubReports;
  /** In the probe edition only: which exercises each scenario reaches. */
  probe?: ProbeRecorder;
} = {};

/** What the API answered: a code, and the Status when it was an error. */
export interface Answer {
  code: number;
  status?: Status;
  object?: KubeObject;
}

export interface Remembered {
  kind: KindInfo;
  name: string;
  namespace?: string;
  resourceVersion?: string;
  object?: KubeObject;
}

export class KubeWorld extends World {
  namespace = '';
  /** The running scenario's name and `<file>:<line>`, for saved traces. */
  scenarioName = '';
  /** The scenario's tags, `@needs-…` among them. */
  tags: string[] = [];
  scenarioUri = '';
  readonly objects = new Map<string, Remembered>();
  readonly cleanups: Array<() => Promise<void>> = [];
  readonly watches: WatchRecorder[] = [];
  /** Files the scenario wrote, by the label of the object they hold. */
  readonly files = new Map<string, string>();
  /** Other names a scenario remembers, by what its steps call them ("chosen pod"). */
  readonly notes = new Map<string, string>();
  /** The real names of the nodes a scenario made, by the label its steps use ("small"). */
  readonly nodeNames = new Map<string, string>();
  /** The outcome of the scenario's When step, kept for the Then steps. */
  lastAnswer?: Answer;
  /** When the scenario began (ms since the epoch): what happened before is another scenario's. */
  scenarioStartedAt = 0;
  /** The body of the last raw request, as the server sent it (a list, or a watch's lines). */
  rawAnswerBody?: string;
  lastCommand?: CommandResult;
  /** The object the last step created or read, for steps that say "it". */
  lastLabel = '';
  private client?: RestClient;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** The cluster this run started; a run against an existing cluster (KUBELAB_KUBECONFIG) has none. */
  get cluster(): Cluster {
    if (!shared.cluster) throw new Error('KubeWorld: this run started no cluster (see the BeforeAll hook)');
    return shared.cluster;
  }

  /** The real nodes scenarios add; scenarios that do are tagged @needs-real-nodes (real-nodes.ts). */
  get nodes(): NodeFleet {
    if (!this.tags.includes('@needs-real-nodes') || this.access.nodes === undefined)
      throw new Error('KubeWorld: this run cannot add real nodes to this cluster; tag the scenario @needs-real-nodes');
    return this.access.nodes;
  }

  get access(): ClusterAccess {
    if (!shared.access) throw new Error('KubeWorld: no cluster to reach (see the BeforeAll hook)');
    return shared.access;
  }

  /** The API server's audit log; scenarios that read it are tagged @needs-audit. */
  get auditLogPath(): string {
    // Checked on every cluster, not only where the log is missing: an untagged scenario would
    // otherwise pass here and fail, not be "not applicable", on another cluster.
    if (!this.tags.includes('@needs-audit') || this.access.auditLogPath === undefined)
      throw new Error('KubeWorld: this cluster shares no audit log; tag the scenario @needs-audit');
    return this.access.auditLogPath;
  }

  get api(): RestClient {
    this.client ??= new RestClient(this.access.apiServerUrl, 'kubelab-scenario');
    return this.client;
  }

  /** A fresh client, as a second person at another terminal would have. */
  newClient(userAgent: string): RestClient {
    const client = new RestClient(this.access.apiServerUrl, userAgent, 8);
    this.cleanups.push(() => client.close());
    return client;
  }

  uniqueName(base: string): string {
    return `${base}-${randomBytes(3).toString('hex')}`;
  }

  refFor(remembered: Remembered): ResourceRef {
    return { ...remembered.kind.ref, namespace: remembered.namespace, name: remembered.name };
  }

  remember(label: string, remembered: Remembered): Remembered {
    this.objects.set(label, remembered);
    return remembered;
  }

  recall(label: string): Remembered {
    const remembered = this.objects.get(label);
    if (!remembered)
      throw new Error(
        `recall: the scenario has no object called "${label}"; it has ${[...this.objects.keys()].join(', ') || 'none'}`,
      );
    return remembered;
  }

  /** Creates an object through the API and remembers it under `label`. */
  async createObject(kind: KindInfo, label: string, namespace = this.namespace): Promise<Remembered> {
    const name = this.uniqueName(kind.kind.toLowerCase());
    const ns = kind.namespaced ? namespace : undefined;
    const object = await this.api.create({ ...kind.ref, namespace: ns }, kind.manifest(name));
    if (!kind.namespaced)
      this.cleanups.push(() =>
        this.api.delete({ ...kind.ref, name }).then(
          () => undefined,
          () => undefined,
        ),
      );
    this.lastLabel = label;
    return this.remember(label, {
      kind,
      name,
      namespace: ns,
      resourceVersion: object.metadata.resourceVersion,
      object,
    });
  }

  /** Runs an API call and keeps its answer, success or Status error, for the Then steps. */
  async answer(call: () => Promise<KubeObject>): Promise<Answer> {
    try {
      const object = await call();
      this.lastAnswer = { code: 200, object };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.lastAnswer = { code: error.code, status: error.status };
    }
    return this.lastAnswer;
  }

  /** Replaces {name} and {namespace} in a template with the remembered object's. */
  expand(template: string, remembered?: Remembered): string {
    return template
      .replaceAll('{name}', remembered?.name ?? '')
      .replaceAll('{namespace}', remembered?.namespace ?? this.namespace);
  }

  async kubectl(args: string[], input?: string): Promise<CommandResult> {
    this.lastCommand = await runCommand('kubectl', ['--kubeconfig', this.access.kubeconfigPath, ...args], input);
    return this.lastCommand;
  }

  /** Reads etcd directly, as `etcdctl get -w json` does. */
  async etcdGet(key: string, options: string[] = []): Promise<{ revision: number; kvs: EtcdKeyValue[] }> {
    const endpoint = this.access.etcdUrl;
    if (!this.tags.includes('@needs-etcd') || endpoint === undefined)
      throw new Error("KubeWorld: this cluster's etcd is not reachable; tag the scenario @needs-etcd");
    const result = await runCommand(
      'etcdctl',
      ['--endpoints', endpoint, 'get', key, '-w', 'json', ...options],
      undefined,
      { ETCDCTL_API: '3' },
    );
    if (result.exitCode !== 0) throw new Error(`etcdctl get ${key} failed (${result.exitCode}): ${result.stderr}`);
    return parseEtcdctlJson(result.stdout);
  }

  async runCleanups(): Promise<void> {
    for (const watch of this.watches) await watch.stop();
    for (const cleanup of this.cleanups.reverse()) await cleanup();
    await this.client?.close();
  }
}

setWorldConstructor(KubeWorld);
