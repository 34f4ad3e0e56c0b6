import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestInfo } from './request-info.js';

describe('parseRequestInfo', () => {
  const cases: Array<[string, string, string, object]> = [
    [
      'a namespaced object',
      'GET',
      '/api/v1/namespaces/default/pods/nginx',
      { verb: 'get', namespace: 'default', resource: 'pods', name: 'nginx' },
    ],
    [
      'a namespace itself',
      'GET',
      '/api/v1/namespaces/default',
      { verb: 'get', namespace: undefined, resource: 'namespaces', name: 'default' },
    ],
    [
      "a namespace's status subresource",
      'PUT',
      '/api/v1/namespaces/team/status',
      { verb: 'update', namespace: undefined, resource: 'namespaces', name: 'team', subresource: 'status' },
    ],
    [
      "a namespace's finalize subresource",
      'PUT',
      '/api/v1/namespaces/team/finalize',
      { verb: 'update', namespace: undefined, resource: 'namespaces', name: 'team', subresource: 'finalize' },
    ],
    [
      'a list of resources named like a subresource in a namespace',
      'GET',
      '/api/v1/namespaces/team/pods',
      { verb: 'list', namespace: 'team', resource: 'pods', name: undefined },
    ],
  ];
  for (const [name, method, path, expected] of cases) {
    it(name, () => {
      const {
        verb,
        namespace,
        resource,
        name: objectName,
        subresource,
      } = parseRequestInfo(method, new URL(path, 'http://apiserver'));
      const actual: Record<string, unknown> = { verb, namespace, resource, name: objectName };
      if (subresource !== undefined) actual.subresource = subresource;
      assert.deepEqual(actual, expected);
    });
  }
});
