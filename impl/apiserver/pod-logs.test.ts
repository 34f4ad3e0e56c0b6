// The container a pods/log request means, with kube-apiserver's words when it cannot tell.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../client/types.js';
import { chooseContainer } from './pod-logs.js';

const pod = (containers: string[], initContainers: string[] = []): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    containers: containers.map((name) => ({ name })),
    initContainers: initContainers.map((name) => ({ name })),
  },
});

test('the container named, or the only one', () => {
  assert.equal(chooseContainer(pod(['main']), ''), 'main');
  assert.equal(chooseContainer(pod(['a', 'b'], ['setup']), 'b'), 'b');
  assert.equal(chooseContainer(pod(['a'], ['setup']), 'setup'), 'setup');
});

test('a request that names no container of the pod is a Bad Request, worded as kube-apiserver words it', () => {
  const rows: Array<[KubeObject, string, string]> = [
    [pod(['main']), 'other', 'container other is not valid for pod web'],
    [pod(['a', 'b']), '', 'a container name must be specified for pod web, choose one of: [a b]'],
    [
      pod(['a', 'b'], ['setup']),
      '',
      'a container name must be specified for pod web, choose one of: [a b] or one of the init containers: [setup]',
    ],
  ];
  for (const [given, requested, message] of rows)
    assert.throws(() => chooseContainer(given, requested), { code: 400, reason: 'BadRequest', message });
});
