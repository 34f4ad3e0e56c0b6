import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listPrefix, objectKey } from './registry-keys.js';

describe('registry keys', () => {
  const pods = { etcdPrefix: 'pods', namespaced: true };
  const nodes = { etcdPrefix: 'minions', namespaced: false };
  const services = { etcdPrefix: 'services/specs', namespaced: true };
  const cases: Array<[string, string, string]> = [
    ['a namespaced object carries its namespace', objectKey(pods, 'default', 'nginx'), '/registry/pods/default/nginx'],
    ['a cluster-scoped object does not', objectKey(nodes, undefined, 'worker-1'), '/registry/minions/worker-1'],
    [
      'services keep their legacy prefix',
      objectKey(services, 'default', 'web'),
      '/registry/services/specs/default/web',
    ],
    ['a namespace list ends in a slash', listPrefix(pods, 'default'), '/registry/pods/default/'],
    ['an all-namespaces list reads the whole resource', listPrefix(pods), '/registry/pods/'],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));
  it('refuses a namespaced key without a namespace', () =>
    assert.throws(() => objectKey(pods, undefined, 'x'), /needs a namespace/));
});
