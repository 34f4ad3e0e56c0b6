// Steps about watches: open one, act, and check what the stream delivered.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { KubeObject, WatchEventType } from '../impl/client/types.js';
import { eventually } from './support/eventually.js';
import { kindByWords } from './support/manifests.js';
import { WatchRecorder } from './support/watch-recorder.js';
import type { KubeWorld } from './support/world.js';

const configMaps = kindByWords('config map').ref;

function startWatch(world: KubeWorld, query: Record<string, string>): WatchRecorder {
  const recorder = new WatchRecorder(world.api, { ...configMaps, namespace: world.namespace }, query);
  world.watches.push(recorder);
  return recorder;
}

function currentWatch(world: KubeWorld): WatchRecorder {
  const watch = world.watches[world.watches.length - 1];
  assert.ok(watch, 'the scenario started no watch');
  return watch;
}

Given("a watch on config maps in the scenario's namespace was started", function (this: KubeWorld) {
  assert.ok(!startWatch(this, {}).isEnded);
});

When("a watch on config maps in the scenario's namespace is started", function (this: KubeWorld) {
  assert.ok(!startWatch(this, {}).isEnded);
});

Given('a watch on config maps labelled {string} was started', function (this: KubeWorld, selector: string) {
  assert.ok(!startWatch(this, { labelSelector: selector }).isEnded);
});

When('a watch on config maps resumes from the remembered resourceVersion', function (this: KubeWorld) {
  const resourceVersion = this.recall(this.lastLabel).resourceVersion;
  assert.ok(resourceVersion, 'no resourceVersion was remembered');
  startWatch(this, { resourceVersion });
});

Then(
  'within {int} seconds the watch has received {events} for {string}',
  async function (this: KubeWorld, seconds: number, expected: WatchEventType[], label: string) {
    const name = this.recall(label).name;
    const watch = currentWatch(this);
    await eventually(
      () => {
        const types = watch.eventsFor(name).map((event) => event.type);
        assert.deepEqual(types, expected);
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

Then('the resourceVersions of those events increase', function (this: KubeWorld) {
  const versions = currentWatch(this)
    .eventsFor(this.recall(this.lastLabel).name)
    .map((event) => Number(event.object.metadata.resourceVersion));
  const sorted = [...versions].sort((a, b) => a - b);
  assert.deepEqual(versions, sorted);
  assert.equal(new Set(versions).size, versions.length, `resourceVersions repeat: ${versions.join(', ')}`);
});

Then(
  'within {int} seconds the watch receives one ERROR event with code {int}, reason {string} and message {string}',
  async function (this: KubeWorld, seconds: number, code: number, reason: string, message: string) {
    const watch = currentWatch(this);
    await eventually(
      () => {
        assert.equal(watch.events.length, 1, `expected exactly one event, got ${JSON.stringify(watch.events)}`);
        const [event] = watch.events;
        const status = event?.object as unknown as { code: number; reason: string; message: string };
        assert.equal(event?.type, 'ERROR');
        assert.deepEqual(
          { code: status.code, reason: status.reason, message: status.message },
          { code, reason, message },
        );
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

Then('the watch stream ends', async function (this: KubeWorld) {
  const watch = currentWatch(this);
  await eventually(() => assert.ok(watch.isEnded, 'the stream is still open'), { timeoutMs: 5000 });
  assert.equal(watch.error, undefined);
});

When(
  "config maps in the scenario's namespace are read with the query {string}",
  async function (this: KubeWorld, query: string) {
    // Raw, as another client would send it: the REST client would write watch=true itself.
    const response = await this.api.raw('GET', `/api/v1/namespaces/${this.namespace}/configmaps?${query}`);
    assert.equal(response.code, 200, response.body);
    this.rawAnswerBody = response.body;
  },
);

Then('the answer is a watch stream holding {string}', function (this: KubeWorld, label: string) {
  const name = this.recall(label).name;
  const lines = (this.rawAnswerBody ?? '').split('\n').filter((line) => line.trim() !== '');
  const events = lines.map((line) => JSON.parse(line) as { type?: string; object?: KubeObject });
  assert.ok(events.length > 0, 'the answer holds no event');
  const described = events.map((event) => `${event.type} ${event.object?.metadata?.name}`);
  assert.deepEqual(described, [`ADDED ${name}`], `a watch stream starts with ADDED for each object: ${lines}`);
});

Then('the answer is a list holding {string}', function (this: KubeWorld, label: string) {
  const name = this.recall(label).name;
  const list = JSON.parse(this.rawAnswerBody ?? '{}') as { kind?: string; items?: KubeObject[] };
  assert.equal(list.kind, 'ConfigMapList', `not a list: ${this.rawAnswerBody?.slice(0, 200)}`);
  assert.deepEqual(
    list.items?.map((item) => item.metadata.name),
    [name],
  );
});
