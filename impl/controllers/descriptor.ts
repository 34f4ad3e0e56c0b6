// A controller, as the controller manager knows it: a name, whether it runs by default, the
// settings it reads, and how to build it over the shared informers.
//
// kube-controller-manager does not wire its controllers by hand: each is a ControllerDescriptor
// in one list (NewControllerDescriptors), and --controllers picks which run. kubelab does the
// same, so a new controller is its folder, its descriptor, and one line in descriptors.ts.
// Real Kubernetes: cmd/kube-controller-manager/app/controller_descriptor.go and
// controllermanager.go (NewControllerDescriptors, IsControllerEnabled).

import type { ApiResource } from '../client/discovery.js';
import type { Logger } from '../client/logger.js';
import { ControllerRunner, type Reconciler } from '../client/reconcile.js';
import type { RestClient } from '../client/rest-client.js';
import type { SettingsOf, SettingsSpec } from '../client/settings.js';
import type { SharedInformers } from '../client/shared-informers.js';
import { WorkQueue } from '../client/workqueue.js';

export interface ControllerContext<S extends SettingsSpec> {
  readonly client: RestClient;
  /** Tagged with the controller's name. */
  readonly logger: Logger;
  readonly informers: SharedInformers;
  readonly settings: SettingsOf<S>;
  /** What the API server serves (the garbage collector and namespace controller work from it). */
  discover(): Promise<ApiResource[]>;
}

/** What runs once the informers have synced: a reconcile loop, usually. */
export interface Runner {
  run(signal: AbortSignal): Promise<void>;
}

export interface ControllerDescriptor<S extends SettingsSpec = SettingsSpec> {
  /** The canonical name, as kube-controller-manager's names package spells it. */
  readonly name: string;
  /** Older names --controllers still accepts (`replicaset` for `replicaset-controller`). */
  readonly aliases: readonly string[];
  readonly enabledByDefault: boolean;
  readonly settings: S;
  /** Build the controller: ask for informers and register handlers now; run the result later. */
  init(context: ControllerContext<S>): Runner[] | Promise<Runner[]>;
}

/** A descriptor with its settings' types checked against its init. */
export function defineController<S extends SettingsSpec>(descriptor: ControllerDescriptor<S>): ControllerDescriptor {
  return descriptor as unknown as ControllerDescriptor;
}

/**
 * The usual shape: one work queue, a reconciler whose handlers add keys to it, and `workers`
 * workers (kube-controller-manager's --concurrent-*-syncs).
 */
export function queuedRunner(
  logger: Logger,
  workers: number,
  build: (enqueue: (key: string) => void) => Reconciler,
): Runner {
  const queue = new WorkQueue();
  const reconciler = build((key) => queue.add(key));
  return new ControllerRunner(reconciler, queue, logger, workers);
}
