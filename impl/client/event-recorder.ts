// The event recorder: components explain what they did as Event objects in the API.
//
// "kubectl describe shows Events: the scheduler's FailedScheduling, the kubelet's Pulled."
// Each component records events about the objects it acts on, with a reason (a CamelCase
// word, the same in every cluster) and a message for people. The same event repeated bumps
// `count` on the existing Event instead of creating a new one.
//
// kubelab writes core/v1 Events directly, one per (object, reason, message), without the
// real recorder's rate limiting and spam filter. Real Kubernetes: client-go/tools/record
// (event.go, events_cache.go).

import { isNotFound } from './api-errors.js';
import type { Logger } from './logger.js';
import type { RestClient } from './rest-client.js';
import type { KubeObject } from './types.js';

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly client: RestClient,
    private readonly component: string,
    private readonly logger: Logger,
    private readonly now = () => new Date(),
  ) {}

  // #region record-event
  /** Records an event about `object`; failures are logged, never thrown: events are advisory. */
  async record(object: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    const namespace = object.metadata.namespace ?? 'default';
    const identity = `${object.metadata.uid}/${reason}/${message}`;
    const time = `${this.now().toISOString().slice(0, 19)}Z`;
    try {
      const existingName = this.seen.get(identity);
      if (existingName) {
        const ref = { resource: 'events', namespace, name: existingName };
        await this.client.patch(ref, {
          count: (((await this.client.get(ref)).count as number) ?? 1) + 1,
          lastTimestamp: time,
        });
        return;
      }
      const uniqueSuffix = `${this.now().getTime().toString(16)}${Math.floor(Math.random() * 4096).toString(16)}`;
      const name = `${object.metadata.name}.${uniqueSuffix}`;
      await this.client.create(
        { resource: 'events', namespace },
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: {
            apiVersion: object.apiVersion ?? 'v1',
            kind: object.kind ?? 'Pod',
            namespace,
            name: object.metadata.name,
            uid: object.metadata.uid,
            resourceVersion: object.metadata.resourceVersion,
          },
          reason,
          message,
          type,
          source: { component: this.component },
          reportingComponent: this.component,
          firstTimestamp: time,
          lastTimestamp: time,
          count: 1,
        },
      );
      this.seen.set(identity, name);
    } catch (error) {
      if (isNotFound(error)) this.seen.delete(identity);
      this.logger.error('recording an event failed', { reason, object: object.metadata.name, error });
    }
  }
  // #endregion record-event
}
