// The API server benchmark: create, get, list and watch delivery through the API, beside raw
// etcd transactional puts on the same etcd, at 1 and at 64 concurrent clients, with 10,000
// objects stored. The raw etcd figure is the reference: an API create is one etcd transaction
// plus decoding, defaulting, validation and admission, so the ratio says what the API costs.

import { setMaxListeners } from 'node:events';
import { Etcd3 } from 'etcd3';
import type { Cluster } from '../impl/cluster/cluster.js';
import { RestClient } from '../impl/client/rest-client.js';
import type { KubeObject } from '../impl/client/types.js';
import { formatRow, measure, summarize, type Measurement } from './stats.js';

export const StoredObjects = 10_000;
const concurrencies = [1, 64];

export interface ApiBenchResult {
  rows: Array<{ label: string; measurement: Measurement }>;
  ratios: string[];
}

const configMap = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { key: 'value' },
});

export async function runApiBench(cluster: Cluster, print: (line: string) => void): Promise<ApiBenchResult> {
  const client = new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench', 64);
  const etcd = new Etcd3({ hosts: cluster.etcd.getClientUrl() });
  const rows: ApiBenchResult['rows'] = [];
  const record = (label: string, measurement: Measurement) => {
    rows.push({ label, measurement });
    print(formatRow(label, measurement));
  };
  const namespace = 'bench';
  await client.create(
    { resource: 'namespaces' },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
  );
  const ref = { resource: 'configmaps', namespace };

  print(`filling the store with ${StoredObjects} config maps...`);
  await measure(StoredObjects, 64, (i) => client.create(ref, configMap(`stored-${i}`)));

  const ratios: string[] = [];
  for (const concurrency of concurrencies) {
    const operations = concurrency === 1 ? 1000 : 5000;
    const etcdPuts = await measure(operations, concurrency, (i) => {
      const key = `/bench/raw/c${concurrency}-${i}`;
      return etcd
        .if(key, 'Mod', '==', 0)
        .then(etcd.put(key).value(JSON.stringify(configMap(key))))
        .commit();
    });
    record(`etcd txn put (reference), ${concurrency} client(s)`, etcdPuts);
    const creates = await measure(operations, concurrency, (i) =>
      client.create(ref, configMap(`c${concurrency}-${i}`)),
    );
    record(`API create, ${concurrency} client(s)`, creates);
    const createsPerPut = (creates.perSecond / etcdPuts.perSecond).toFixed(2);
    ratios.push(`API create / etcd put at ${concurrency} client(s): ${createsPerPut} (aim >= 0.50)`);
    const gets = await measure(operations, concurrency, (i) =>
      client.get({ ...ref, name: `stored-${i % StoredObjects}` }),
    );
    record(`API get, ${concurrency} client(s)`, gets);
    ratios.push(`API get p99 at ${concurrency} client(s): ${gets.p99Ms.toFixed(2)} ms (aim < 5 ms)`);
    const lists = await measure(concurrency === 1 ? 10 : 64, concurrency, () => client.list(ref));
    record(`API list of ${StoredObjects}+ objects, ${concurrency} client(s)`, lists);
    // Watches hold their connections for good: give them a client of their own.
    const watchClient = new RestClient(cluster.apiServer.getApiServerUrl(), 'kubelab-bench-watch', concurrency);
    record(
      `watch delivery, ${concurrency} watcher(s)`,
      await measureWatchDelivery(client, watchClient, namespace, concurrency),
    );
    await watchClient.close();
  }
  await etcd.delete().prefix('/bench/raw/').exec();
  etcd.close();
  await client.close();
  return { rows, ratios };
}

const WatchDeliveryTimeoutMs = 60_000;

/** Time from sending a create to its ADDED event at each watcher; throughput is events delivered per second. */
async function measureWatchDelivery(
  client: RestClient,
  watchClient: RestClient,
  namespace: string,
  watchers: number,
): Promise<Measurement> {
  const label = `watch-${watchers}`;
  const events = 500;
  const createdAt = new Map<string, number>();
  const latencies: number[] = [];
  const abort = new AbortController();
  setMaxListeners(watchers + 10, abort.signal);
  const list = await client.list({ resource: 'configmaps', namespace }, { limit: '1' });
  let delivered = 0;
  let resolveAll: () => void = () => {};
  const allDelivered = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const streams = Array.from({ length: watchers }, () =>
    watchClient
      .watch(
        { resource: 'configmaps', namespace },
        { resourceVersion: list.metadata.resourceVersion ?? '0', labelSelector: `bench=${label}` },
        (event) => {
          const sent = createdAt.get(event.object.metadata?.name ?? '');
          if (event.type !== 'ADDED' || sent === undefined) return;
          latencies.push(performance.now() - sent);
          if (++delivered === events * watchers) resolveAll();
        },
        abort.signal,
      )
      .catch(() => undefined),
  );
  const started = performance.now();
  for (let i = 0; i < events; i++) {
    const name = `${label}-${i}`;
    const object = configMap(name);
    object.metadata.labels = { bench: label };
    createdAt.set(name, performance.now());
    await client.create({ resource: 'configmaps', namespace }, object);
  }
  // Every event, or no figure: a rate over the events that happened to arrive would flatter.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), WatchDeliveryTimeoutMs);
  });
  const outcome = await Promise.race([allDelivered, timeout]);
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  abort.abort();
  await Promise.all(streams);
  if (outcome === 'timeout')
    throw new Error(
      `watch delivery, ${watchers} watcher(s): ${delivered} of ${events * watchers} events arrived ` +
        `in ${WatchDeliveryTimeoutMs / 1000} s`,
    );
  return summarize(latencies, seconds);
}
