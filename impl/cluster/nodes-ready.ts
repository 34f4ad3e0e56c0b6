// Waiting for nodes, as `kubectl wait --for=condition=Ready node/<name>` does: poll until each
// one's Ready condition is True, or say which were not, and what to check.
import type { RestClient } from '../client/rest-client.js';
import type { KubeObject } from '../client/types.js';

const READY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 200;

/** Polls until every node named is Ready; `signal` gives up early (the wait then rejects). */
export async function waitUntilNodesReady(
  client: RestClient,
  names: string[],
  hint: string,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    signal?.throwIfAborted();
    const nodes = (await client.list({ resource: 'nodes' })).items;
    const notReady = names.filter((name) => !isReady(nodes.find((node) => node.metadata.name === name)));
    if (notReady.length === 0) return;
    if (Date.now() > deadline) {
      const seconds = READY_TIMEOUT_MS / 1000;
      throw new Error(`nodes ${notReady.join(', ')} were not Ready within ${seconds} s: ${hint}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function isReady(node: KubeObject | undefined): boolean {
  const conditions = (node?.status?.conditions ?? []) as Array<{ type?: string; status?: string }>;
  return conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True');
}
