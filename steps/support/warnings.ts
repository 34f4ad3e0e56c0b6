// When a wait for the cluster runs out, say what the cluster itself said: its Warning events.
//
// Components report refusals they meet (a status write the API server refused, a binding it
// rejected) as Warning events, which is where a learner running `kubectl get events` looks.
// A failed wait quotes the latest ones, so the failure names the real cause, and the grader
// can tell a scenario blocked by an unsolved exercise from one that is broken.

import type { KubeWorld } from './world.js';
import { eventually, type EventuallyOptions } from './eventually.js';

const quoted = 5;

export async function recentWarnings(world: KubeWorld): Promise<string[]> {
  const namespaces = [...new Set([world.namespace, 'default'])];
  const lists = await Promise.all(
    namespaces.map((namespace) =>
      world.api.list({ resource: 'events', namespace }, { fieldSelector: 'type=Warning' }).catch(() => ({ items: [] })),
    ),
  );
  return lists
    .flatMap((list) => list.items)
    .slice(-quoted)
    .map((event) => `${String(event.reason)}: ${String(event.message)}`);
}

/** `eventually`, whose final failure also quotes the cluster's recent Warning events. */
export async function eventuallyExplained<T>(
  world: KubeWorld,
  check: () => Promise<T> | T,
  options: EventuallyOptions,
): Promise<T> {
  try {
    return await eventually(check, options);
  } catch (error) {
    const warnings = await recentWarnings(world).catch(() => []);
    if (warnings.length === 0 || !(error instanceof Error)) throw error;
    error.message += `\nrecent Warning events:\n  ${warnings.join('\n  ')}`;
    throw error;
  }
}
