import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ControllerDescriptor } from './descriptor.js';
import { isControllerEnabled, selectControllers } from './select.js';

const descriptor = (name: string, aliases: string[], enabledByDefault = true): ControllerDescriptor => ({
  name,
  aliases,
  enabledByDefault,
  settings: {},
  init: () => [],
});
const replicaSet = descriptor('replicaset-controller', ['replicaset']);
const podGc = descriptor('pod-garbage-collector-controller', ['podgc']);
const optIn = descriptor('bootstrap-signer-controller', ['bootstrapsigner'], false);
const all = [replicaSet, podGc, optIn];
const names = (flag: string) => selectControllers(all, flag).map((chosen) => chosen.name);

test("'*' runs every controller enabled by default, not the others", () => {
  assert.deepEqual(names('*'), ['replicaset-controller', 'pod-garbage-collector-controller']);
});

test("'-foo' leaves foo out, by its name or an alias; 'foo' adds one that is off by default", () => {
  assert.deepEqual(names('*,-podgc'), ['replicaset-controller']);
  assert.deepEqual(names('*,-pod-garbage-collector-controller,bootstrapsigner'), [
    'replicaset-controller',
    'bootstrap-signer-controller',
  ]);
});

test('without a star only the named controllers run', () => {
  assert.deepEqual(names('replicaset'), ['replicaset-controller']);
  assert.deepEqual(names(''), []);
});

test('the first entry that names a controller decides', () => {
  assert.equal(isControllerEnabled(podGc, ['podgc', '-podgc']), true);
  assert.equal(isControllerEnabled(podGc, ['-podgc', '*']), false);
});

test('a name no controller has is refused, with the known names', () => {
  const refusal =
    '"replicaset-controler" is not in the list of known controllers: ' +
    'replicaset-controller, pod-garbage-collector-controller, bootstrap-signer-controller';
  assert.throws(() => names('*,-replicaset-controler'), new RegExp(refusal));
});
