// A watch held open by a scenario: it records every event until the stream ends.
//
// Steps start a watch, act, then assert on what arrived, polling with a deadline, because
// events arrive asynchronously over the network.

import type { RestClient, ResourceRef } from '../../impl/client/rest-client.js';
import type { KubeObject, WatchEvent } from '../../impl/client/types.js';

export class WatchRecorder {
  readonly events: WatchEvent<KubeObject>[] = [];
  isEnded = false;
  error: unknown;
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(client: RestClient, ref: ResourceRef, query: Record<string, string>) {
    this.done = client
      .watch<KubeObject>(ref, query, (event) => this.events.push(event), this.abort.signal)
      .catch((error: unknown) => {
        this.error = error;
      })
      .finally(() => {
        this.isEnded = true;
      });
  }

  /** Events about one object, by name, in arrival order. */
  eventsFor(name: string): WatchEvent<KubeObject>[] {
    return this.events.filter((event) => event.type === 'ERROR' || event.object.metadata?.name === name);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
