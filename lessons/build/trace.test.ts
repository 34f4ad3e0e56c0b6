// Tests of the trace reader: an audit log becomes the arrows a lesson draws.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SequenceMessage } from './sequence-diagram.js';
import { type Trace, type TraceEvent, traceToSequence } from './trace.js';

const create: TraceEvent = {
  stage: 'ResponseComplete',
  verb: 'create',
  userAgent: 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07',
  objectRef: { resource: 'configmaps', namespace: 'demo', name: 'settings' },
  responseStatus: { code: 201 },
  etcd: [
    {
      op: 'txn',
      key: '/registry/configmaps/demo/settings',
      compare: 'mod_revision == 0',
      write: 'put',
      succeeded: true,
      revision: 42,
    },
  ],
};
const added: TraceEvent = {
  stage: 'WatchEvent',
  verb: 'watch',
  userAgent: 'kubelab-scenario',
  objectRef: { name: 'settings' },
  watchEvent: { type: 'ADDED', resourceVersion: '42' },
};

test('a client is named by its user agent, and "client" without one', () => {
  const anonymous: TraceEvent = { ...create, userAgent: undefined };
  const participants = (events: TraceEvent[]) => traceToSequence({ name: 't', title: 'who asks', events }).participants;
  assert.deepEqual(participants([create]), ['kubectl', 'kube-apiserver', 'etcd']);
  assert.deepEqual(participants([anonymous]), ['client', 'kube-apiserver', 'etcd']);
});

test('a create and a watch event become request, etcd transaction, response, event', () => {
  const trace: Trace = { name: 't', title: 'a create', events: [create, added] };
  const diagram = traceToSequence(trace);
  assert.deepEqual(diagram.participants, ['kubectl', 'kubelab-scenario', 'kube-apiserver', 'etcd']);
  const arrows = diagram.steps.map((step) => {
    const { from, to, label, style } = step as SequenceMessage;
    return [from, to, label, style ?? 'request'];
  });
  assert.deepEqual(arrows, [
    ['kubectl', 'kube-apiserver', 'create configmaps demo/settings', 'request'],
    ['kube-apiserver', 'etcd', ['txn if mod_revision == 0', 'then put /registry/configmaps/demo/settings'], 'request'],
    ['etcd', 'kube-apiserver', 'succeeded, revision 42', 'reply'],
    ['kube-apiserver', 'kubectl', '201 Created', 'reply'],
    ['kube-apiserver', 'kubelab-scenario', 'ADDED settings resourceVersion 42', 'event'],
  ]);
});

test('a refused update is drawn as a failure, with the read it made', () => {
  const refused: TraceEvent = {
    ...create,
    verb: 'update',
    responseStatus: { code: 409, reason: 'Conflict' },
    etcd: [{ op: 'range', key: '/registry/configmaps/demo/settings', revision: 43, count: 1 }],
  };
  const steps = traceToSequence({ name: 't', title: 'a conflict', events: [refused] }).steps as SequenceMessage[];
  assert.deepEqual(
    steps.map((step) => step.label),
    [
      'update configmaps demo/settings',
      'range /registry/configmaps/demo/settings',
      '1 key at revision 43',
      '409 Conflict',
    ],
  );
  assert.equal(steps[3]?.style, 'failure');
});

test("a read etcd refused is drawn as a failure, with etcd's reason", () => {
  const compacted = 'etcdserver: mvcc: required revision has been compacted';
  const watch: TraceEvent = {
    ...create,
    verb: 'watch',
    etcd: [{ op: 'range', key: '/registry/configmaps/demo/', isPrefix: true, revision: 40, error: compacted }],
  };
  const steps = traceToSequence({ name: 't', title: 'a watch from too long ago', events: [watch] })
    .steps as SequenceMessage[];
  assert.deepEqual(
    steps.slice(1, 3).map((step) => step.label),
    ['range /registry/configmaps/demo/ (prefix)', compacted],
  );
  assert.equal(steps[2]?.style, 'failure');
});
