import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strayReason } from './stray-keys.js';

const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'shop', name: 'web' } });
const node = JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });

test('an object at the reference key is not stray', () => {
  assert.equal(strayReason('/registry/pods/shop/web', pod), undefined);
  assert.equal(strayReason('/registry/minions/n1', node), undefined);
});

test('an object anywhere else is stray, and the reason names the right key', () => {
  assert.match(strayReason('/registry/pods/web/shop', pod) ?? '', /at \/registry\/pods\/shop\/web$/);
  assert.match(strayReason('/registry/minions/undefined/n1', node) ?? '', /at \/registry\/minions\/n1$/);
  assert.match(strayReason('/registry/nodes/n1', node) ?? '', /minions/);
});

test('a value that is no served object is stray', () => {
  assert.equal(strayReason('/registry/pods/a/b', 'not json'), 'its value is not an object');
  assert.match(
    strayReason('/registry/x/y', JSON.stringify({ apiVersion: 'v9', kind: 'X', metadata: {} })) ?? '',
    /no resource/,
  );
});
