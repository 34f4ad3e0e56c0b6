// Steps about API objects: creating, reading, updating and deleting them through the API.

import { Given, When } from '@cucumber/cucumber';
import type { KubeObject } from '../impl/client/types.js';
import { kindByWords, type KindInfo } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

const configMap = kindByWords('config map');

Given('a(n) {kind} was created through the API', async function (this: KubeWorld, kind: KindInfo) {
  await this.createObject(kind, kind.words);
});

Given('a {kind} {string} was created through the API', async function (this: KubeWorld, kind: KindInfo, label: string) {
  await this.createObject(kind, label);
});

When('a {kind} {string} is created through the API', async function (this: KubeWorld, kind: KindInfo, label: string) {
  await this.createObject(kind, label);
});

Given(
  'a {kind} {string} was created through the API and its resourceVersion remembered',
  async function (this: KubeWorld, kind: KindInfo, label: string) {
    await this.createObject(kind, label);
  },
);

Given(
  'a config map {string} was created through the API with the annotation {string} set to {string}',
  async function (this: KubeWorld, label: string, key: string, value: string) {
    const { name, namespace } = await this.createObject(configMap, label);
    await this.api.patch({ ...configMap.ref, namespace, name }, { metadata: { annotations: { [key]: value } } });
  },
);

Given(
  'a config map {string} with the label {string} was created through the API',
  async function (this: KubeWorld, label: string, labelText: string) {
    const [key = '', value = ''] = labelText.split('=');
    const { name, namespace } = await this.createObject(configMap, label);
    await this.api.patch({ ...configMap.ref, namespace, name }, { metadata: { labels: { [key]: value } } });
  },
);

Given(
  "a {kind} with the same name was created in a namespace whose name starts with the scenario's namespace",
  async function (this: KubeWorld, kind: KindInfo) {
    // "<namespace>x" shares the prefix "/registry/configmaps/<namespace>" but not ".../<namespace>/".
    const original = this.recall(this.lastLabel);
    const neighbour = `${this.namespace}x`;
    await this.api.create(
      { resource: 'namespaces' },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: neighbour } },
    );
    await this.api.create({ ...kind.ref, namespace: neighbour }, kind.manifest(original.name));
    this.remember('same name elsewhere', { kind, name: original.name, namespace: neighbour });
  },
);

When(
  'another config map with the name of {string} is created through the API',
  async function (this: KubeWorld, label: string) {
    const remembered = this.recall(label);
    await this.answer(() =>
      this.api.create({ ...configMap.ref, namespace: this.namespace }, configMap.manifest(remembered.name)),
    );
  },
);

When('a config map is created in a namespace that does not exist', async function (this: KubeWorld) {
  const missing = this.uniqueName('missing');
  this.remember('missing namespace', { kind: configMap, name: 'x', namespace: missing });
  this.lastLabel = 'missing namespace';
  await this.answer(() => this.api.create({ ...configMap.ref, namespace: missing }, configMap.manifest('x')));
});

When(
  'the label {string} of {string} is changed to {string}',
  async function (this: KubeWorld, key: string, label: string, value: string) {
    await this.api.patch(this.refFor(this.recall(label)), { metadata: { labels: { [key]: value } } });
  },
);

When(
  'a config map {string} is created, changed and deleted through the API',
  async function (this: KubeWorld, label: string) {
    const remembered = await this.createObject(configMap, label);
    await this.api.patch(this.refFor(remembered), { data: { greeting: 'changed' } });
    await this.api.delete(this.refFor(remembered));
  },
);

Given(
  '{string} was then changed twice and deleted while nobody watched',
  async function (this: KubeWorld, label: string) {
    const ref = this.refFor(this.recall(label));
    await this.api.patch(ref, { data: { greeting: 'once' } });
    await this.api.patch(ref, { data: { greeting: 'twice' } });
    await this.api.delete(ref);
  },
);

export function annotation(object: KubeObject, key: string): string | undefined {
  return object.metadata.annotations?.[key];
}
