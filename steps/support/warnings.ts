// When a wait for the cluster runs out, say what the cluster itself said: its Warning events.
//
// Components report refusals they meet (a status write the API server refused, a binding it
// rejected) as Warning events, which is where a learner running `kubectl get events` looks.
// A failed wait quotes the latest ones, so the failure names the real cause, and the grader
// can tell a scenario blocked by an unsolved exercise from one that is broken. Only this
// scenario's: its namespace is its own, but `default` (where nodes' events go) holds every
// scenario's, and a stale one naming a stub would relabel a real failure as "blocked".

import type { KubeObject } from '../../impl/client/types.js';
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
  const nodes = new Set(world.nodeNames.values());
  // Event times have whole seconds.
  const since = Math.floor(world.scenarioStartedAt / 1000) * 1000;
  const isThisScenarios = (event: KubeObject) =>
    event.metadata.namespace === world.namespace ||
    (nodes.has(String((event.involvedObject as { name?: string } | undefined)?.name)) && eventTime(event) >= since);
  return lists
    .flatMap((list) => list.items)
    .filter(isThisScenarios)
    .slice(-quoted)
    .map((event) => `${String(event.reason)}: ${String(event.message)}`);
}

function eventTime(event: KubeObject): number {
  const time = event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
  return typeof time === 'string' ? Date.parse(time) : 0;
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
