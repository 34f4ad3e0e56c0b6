// The scheduler process: watch pending pods, decide, bind through the API server.
//
// "The scheduler watches for newly created pods that have no node, finds the best node for
// each, and binds it by posting a Binding to the API server; it never talks to a kubelet."
// Informers keep a cache of nodes and bound pods; a priority queue holds the pending pods
// that name this scheduler. Each pod goes through a scheduling cycle (filter, score, select,
// all in schedule-one.ts), then a binding cycle that runs while the next pod is already being
// considered. A pod that fits nowhere gets the PodScheduled=False condition and a
// FailedScheduling event, and waits until the cluster changes.
//
// kubelab runs one profile and no preemption. Real Kubernetes: pkg/scheduler/scheduler.go,
// schedule_one.go (ScheduleOne, schedulingCycle, bindingCycle, handleSchedulingFailure),
// eventhandlers.go.

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EventRecorder } from '../client/event-recorder.js';
import { Informer, keyOf } from '../client/informer.js';
import type { Logger } from '../client/logger.js';
import { ApiError, type RestClient } from '../client/rest-client.js';
import type { Node, Pod } from '../client/types.js';
import { explain, explanationJson } from './explain.js';
import { truncateMessage } from './fit-error.js';
import type { Framework } from './framework/framework.js';
import { type ScheduleResult, schedulePod } from './schedule-one.js';
import { SchedulerCache } from './scheduler-cache.js';
import { SchedulingQueue } from './scheduling-queue.js';
import { canonicalJson } from '../client/canonical-json.js';

export const FailedSchedulingReason = 'FailedScheduling';
export const ScheduledReason = 'Scheduled';
/** How a refused binding is reported, as kube-scheduler words it. */
export const BindingRejectedPrefix = 'Binding rejected: ';
/** Where kubelab publishes why a node won: the pod's annotation, set with the binding. */
export const ExplanationAnnotation = 'scheduler.kubelab.dev/explanation';

export interface SchedulerOptions {
  schedulerName: string;
  percentageOfNodesToScore?: number;
  random?: (bound: number) => number;
}

export class Scheduler {
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly cache = new SchedulerCache();
  private readonly queue = new SchedulingQueue();
  private readonly recorder: EventRecorder;
  private startIndex = 0;

  constructor(
    private readonly client: RestClient,
    private readonly framework: Framework,
    private readonly logger: Logger,
    private readonly options: SchedulerOptions,
  ) {
    this.recorder = new EventRecorder(client, options.schedulerName, logger);
    this.pods = new Informer<Pod>(client, { resource: 'pods' }, logger);
    this.nodes = new Informer<Node>(client, { resource: 'nodes' }, logger);
    this.registerEventHandlers();
  }

  // #region event-handlers
  /** Handlers sort pods: pending ones for this scheduler go to the queue, bound ones to the cache. */
  private registerEventHandlers(): void {
    const onPod = (pod: Pod) => {
      if (pod.spec.nodeName) {
        this.queue.delete(pod);
        this.cache.setBoundPod(pod);
      } else if (this.isResponsibleFor(pod)) {
        this.queue.add(pod);
      }
    };
    this.pods.addEventHandler({
      onAdd: onPod,
      // A pending pod whose status alone changed (our own PodScheduled condition) stays parked.
      onUpdate: (previous, pod) => {
        if (pod.spec.nodeName || isSchedulingRelevantUpdate(previous, pod)) onPod(pod);
      },
      onDelete: (pod) => {
        this.queue.delete(pod);
        this.cache.removePod(pod);
        // A pod that goes away frees room: parked pods may fit now.
        if (pod.spec.nodeName) this.queue.moveAllToActive();
      },
    });
    const onNode = (node: Node) => {
      this.cache.setNode(node);
      this.queue.moveAllToActive();
    };
    this.nodes.addEventHandler({
      onAdd: onNode,
      onUpdate: (_previous, node) => onNode(node),
      onDelete: (node) => this.cache.removeNode(node),
    });
  }
  // #endregion event-handlers

  async run(signal: AbortSignal): Promise<void> {
    signal.addEventListener('abort', () => this.queue.close(), { once: true });
    void this.nodes.run(signal);
    void this.pods.run(signal);
    await Promise.all([this.nodes.waitForSync(), this.pods.waitForSync()]);
    this.logger.info('caches synced, scheduling', {
      nodes: this.nodes.list().length,
      pending: this.queue.pendingCount,
    });
    for (let pod = await this.queue.pop(); pod !== undefined; pod = await this.queue.pop()) {
      await this.scheduleOne(pod as Pod);
      // Let watch events and binding answers in before the next pod, as kube-scheduler's binding
      // goroutines run beside its loop: otherwise a full queue holds the event loop until it is empty.
      await yieldToEventLoop();
    }
  }

  // #region schedule-one-cycle
  private async scheduleOne(queued: Pod): Promise<void> {
    // The queue may hold an old copy: decide on the cache's, and skip pods bound or gone since.
    const pod = this.pods.get(keyOf(queued));
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp || this.cache.isAssumed(pod)) return;
    const result = schedulePod(this.framework, pod, this.cache.nodeInfos(), {
      startIndex: this.startIndex,
      random: this.options.random ?? ((bound) => Math.floor(Math.random() * bound)),
      percentageOfNodesToScore: this.options.percentageOfNodesToScore,
    });
    this.startIndex = result.nextStartIndex;
    if (result.outcome !== 'Scheduled' || !result.selectedNode) {
      await this.handleSchedulingFailure(pod, result);
      return;
    }
    // Assume, then bind in the background: the next pod is scheduled meanwhile. A binding may
    // wait behind thousands of others, so it keeps the explanation, not the result's per-node arrays.
    this.cache.assume(pod, result.selectedNode);
    void this.bind(pod, result.selectedNode, JSON.stringify(explanationJson(result)), explain(result));
  }
  // #endregion schedule-one-cycle

  // #region binding-cycle
  private async bind(pod: Pod, nodeName: string, explanationAnnotation: string, explanation: string): Promise<void> {
    const { namespace, name } = pod.metadata;
    try {
      await this.client.create(
        { resource: 'pods', namespace, name, subresource: 'binding' },
        {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name, namespace, annotations: { [ExplanationAnnotation]: explanationAnnotation } },
          target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
        },
      );
      this.logger.info('bound', { pod: keyOf(pod), node: nodeName, explanation });
      await this.recorder.record(
        pod,
        'Normal',
        ScheduledReason,
        `Successfully assigned ${namespace}/${name} to ${nodeName}`,
      );
    } catch (error) {
      // The API refused (the pod was deleted or bound by someone else): undo the assumption.
      this.logger.error('binding failed', { pod: keyOf(pod), node: nodeName, error });
      this.cache.forget(pod);
      this.queue.retryLater(pod);
      const reason = error instanceof ApiError ? (error.status.message ?? error.message) : String(error);
      await this.recorder.record(pod, 'Warning', FailedSchedulingReason, `${BindingRejectedPrefix}${reason}`);
    }
  }
  // #endregion binding-cycle

  // #region handle-scheduling-failure
  private async handleSchedulingFailure(pod: Pod, result: ScheduleResult): Promise<void> {
    const message = truncateMessage(result.message ?? 'scheduling failed');
    this.logger.info('unschedulable', { pod: keyOf(pod), explanation: explain(result) });
    this.queue.markUnschedulable(pod);
    await this.recorder.record(pod, 'Warning', FailedSchedulingReason, message);
    const condition = {
      type: 'PodScheduled',
      status: 'False',
      reason: result.outcome === 'Error' ? 'SchedulerError' : 'Unschedulable',
      message,
      lastProbeTime: null,
      lastTransitionTime: `${new Date().toISOString().slice(0, 19)}Z`,
    };
    await this.client
      .patch(
        { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'status' },
        { status: { conditions: [condition] } },
        'strategic',
      )
      .catch((error: unknown) =>
        this.logger.error('updating the PodScheduled condition failed', { pod: keyOf(pod), error }),
      );
  }
  // #endregion handle-scheduling-failure

  /** A scheduler takes only the pods that name it (an empty name means the default scheduler). */
  private isResponsibleFor(pod: Pod): boolean {
    return (
      (pod.spec.schedulerName ?? 'default-scheduler') === this.options.schedulerName && !pod.metadata.deletionTimestamp
    );
  }
}

/** Whether an update could change a scheduling decision: spec, labels or annotations (isPodUpdated). */
function isSchedulingRelevantUpdate(previous: Pod, current: Pod): boolean {
  const relevant = (pod: Pod) =>
    canonicalJson({
      spec: pod.spec,
      labels: pod.metadata.labels,
      annotations: pod.metadata.annotations,
      deleting: pod.metadata.deletionTimestamp,
    });
  return relevant(previous) !== relevant(current);
}
