// The watch events a step expects, written as a person reads them: `ADDED "settings",
// MODIFIED "settings"`, each quoted label standing for the object the scenario made under it.

import type { KubeWorld } from './world.js';

/** `ADDED "settings"` → `ADDED settings-x7k2p`, for each event in the comma-separated list. */
export function expectedWatchEvents(world: KubeWorld, text: string): string[] {
  return text.split(', ').map((entry) => entry.replace(/"([^"]+)"$/, (_, label: string) => world.recall(label).name));
}
