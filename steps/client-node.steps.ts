// Steps that drive Kubernetes' own JavaScript client, @kubernetes/client-node: a second real
// client beside kubectl, written by no one here, so the API is checked against what official
// clients send and expect (its query parameters, its patch content types, its error parsing).

import assert from 'node:assert/strict';
import { After, Then, When } from '@cucumber/cucumber';
import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1ConfigMap,
  Watch,
} from '@kubernetes/client-node';
import type { Status } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import { scenarioState } from './support/scenario-state.js';
import { expectedWatchEvents } from './support/watch-events.js';
import { shared, type KubeWorld } from './support/world.js';

interface ClientNodeState {
  events: string[];
  watch?: AbortController;
  failure?: ApiException<unknown>;
}

const states = scenarioState<ClientNodeState>(() => ({ events: [] }));

function coreApi(): { config: KubeConfig; api: CoreV1Api } {
  const access = shared.access;
  assert.ok(access, 'no cluster');
  const config = new KubeConfig();
  config.loadFromFile(access.kubeconfigPath);
  // kubelab's API server speaks plain HTTP until it gets TLS; client-node refuses an http://
  // server unless the kubeconfig says to skip TLS verification, so say it here.
  config.clusters = config.clusters.map((cluster) => ({ ...cluster, skipTLSVerify: true }));
  return { config, api: config.makeApiClient(CoreV1Api) };
}

After(function (this: KubeWorld) {
  states.ifAny(this)?.watch?.abort();
});

When("@kubernetes\\/client-node watches config maps in the scenario's namespace", async function (this: KubeWorld) {
  const state = states.of(this);
  const { config } = coreApi();
  state.watch = await new Watch(config).watch(
    `/api/v1/namespaces/${this.namespace}/configmaps`,
    {},
    (phase, object: V1ConfigMap) => state.events.push(`${phase} ${object.metadata?.name}`),
    () => {},
  );
});

When(
  '@kubernetes\\/client-node patches {string} with a merge patch setting {string} to {string}',
  async function (this: KubeWorld, label: string, key: string, value: string) {
    const { api } = coreApi();
    await api.patchNamespacedConfigMap(
      { name: this.recall(label).name, namespace: this.namespace, body: { data: { [key]: value } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  },
);

Then(
  '@kubernetes\\/client-node lists config maps and sees {string} with {string} = {string}',
  async function (this: KubeWorld, label: string, key: string, value: string) {
    const { api } = coreApi();
    const list = await api.listNamespacedConfigMap({ namespace: this.namespace });
    const found = list.items.find((item) => item.metadata?.name === this.recall(label).name);
    assert.ok(found, `the list holds ${list.items.map((item) => item.metadata?.name).join(', ')}`);
    assert.equal(found.data?.[key], value);
  },
);

Then(
  'within {int} seconds the client-node watch has received {string}',
  async function (this: KubeWorld, seconds: number, expected: string) {
    const state = states.of(this);
    const wanted = expectedWatchEvents(this, expected);
    await eventually(() => assert.deepEqual(state.events, wanted), { timeoutMs: seconds * 1000 });
  },
);

When(
  '@kubernetes\\/client-node replaces {string} at the resourceVersion it was created with',
  async function (this: KubeWorld, label: string) {
    const remembered = this.recall(label);
    assert.ok(remembered.resourceVersion, 'no resourceVersion was remembered');
    const { api } = coreApi();
    const body: V1ConfigMap = {
      metadata: { name: remembered.name, namespace: this.namespace, resourceVersion: remembered.resourceVersion },
      data: { colour: 'red' },
    };
    try {
      await api.replaceNamespacedConfigMap({ name: remembered.name, namespace: this.namespace, body });
    } catch (error) {
      if (!(error instanceof ApiException)) throw error;
      states.of(this).failure = error;
    }
  },
);

Then(
  '@kubernetes\\/client-node fails with {int} and a Status whose reason is {string}',
  function (this: KubeWorld, code: number, reason: string) {
    const failure = states.of(this).failure;
    assert.ok(failure, 'the call succeeded');
    const status = (typeof failure.body === 'string' ? JSON.parse(failure.body) : failure.body) as Status;
    assert.deepEqual(
      { code: failure.code, kind: status.kind, reason: status.reason },
      { code, kind: 'Status', reason },
    );
  },
);
