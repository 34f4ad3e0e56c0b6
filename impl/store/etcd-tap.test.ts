import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EtcdOperation } from '../client/audit-event.js';
import { failedKvOperation, kvOperation, type KvResponse, watchOperation, type WatchRequest } from './etcd-tap.js';

// Requests and responses shaped as the etcd3 client hands them to gRPC and gets them back: keys
// as Buffers, enums as numbers, 64-bit numbers as strings (a create's compare value is the
// number 0).
const bytes = (text: string) => Buffer.from(text, 'utf8');
const header = (revision: string) => ({ cluster_id: '1', member_id: '2', revision, raft_term: '2' });
const key = '/registry/configmaps/demo/settings';
const kv = { key: bytes(key), create_revision: '5', mod_revision: '17', version: '1', value: bytes('{}'), lease: '0' };

describe('etcd tap: a KV call as the audit log shows it', () => {
  const cases: Array<[string, string, unknown, object, EtcdOperation | undefined]> = [
    [
      'a create is a transaction that requires the key to be absent',
      'Txn',
      {
        compare: [{ key: bytes(key), result: 0, target: 2, mod_revision: 0 }],
        success: [{ request_put: { key: bytes(key), value: bytes('{}') } }],
        failure: [{ request_range: { key: bytes(key), limit: 1 } }],
      },
      { header: header('42'), succeeded: true, responses: [] },
      { op: 'txn', key, compare: 'mod_revision == 0', write: 'put', succeeded: true, revision: 42 },
    ],
    [
      'an update compares the revision it read, and may lose',
      'Txn',
      {
        compare: [{ key: bytes(key), result: 0, target: 2, mod_revision: '17' }],
        success: [{ request_put: { key: bytes(key), value: bytes('{}') } }],
        failure: [],
      },
      { header: header('18'), succeeded: false },
      { op: 'txn', key, compare: 'mod_revision == 17', write: 'put', succeeded: false, revision: 18 },
    ],
    [
      'a delete is a transaction whose success branch deletes',
      'Txn',
      {
        compare: [{ key: bytes(key), result: 0, target: 2, mod_revision: '17' }],
        success: [{ request_delete_range: { key: bytes(key) } }],
        failure: [],
      },
      { header: header('19'), succeeded: true },
      { op: 'txn', key, compare: 'mod_revision == 17', write: 'delete', succeeded: true, revision: 19 },
    ],
    [
      'enums given by name read the same as by number',
      'Txn',
      { compare: [{ key, result: 'NOT_EQUAL', target: 'VERSION', version: '3' }], success: [], failure: [] },
      { header: header('7'), succeeded: true },
      { op: 'txn', key, compare: 'version != 3', succeeded: true, revision: 7 },
    ],
    [
      'a get is a range of one key at the latest revision',
      'Range',
      { key: bytes(key) },
      { header: header('42'), kvs: [kv], count: '1' },
      { op: 'range', key, revision: 42, count: 1 },
    ],
    [
      'a get of a missing key returns no keys',
      'Range',
      { key: bytes(key) },
      { header: header('42'), kvs: [], count: '0' },
      { op: 'range', key, revision: 42, count: 0 },
    ],
    [
      'a list reads a prefix, at the revision it asked for',
      'Range',
      {
        key: bytes('/registry/configmaps/demo/'),
        range_end: bytes('/registry/configmaps/demo0'),
        revision: '30',
        limit: '2',
      },
      { header: header('42'), kvs: [kv, kv], count: '5', more: true },
      { op: 'range', key: '/registry/configmaps/demo/', isPrefix: true, revision: 30, count: 2 },
    ],
    [
      "a list's later page still reads its prefix",
      'Range',
      {
        key: bytes('/registry/configmaps/demo/b\u0000'),
        range_end: bytes('/registry/configmaps/demo0'),
        revision: '30',
      },
      { header: header('42'), kvs: [kv] },
      { op: 'range', key: '/registry/configmaps/demo/', isPrefix: true, revision: 30, count: 1 },
    ],
    [
      'a range that is not a prefix names its end',
      'Range',
      { key: bytes('/a'), range_end: bytes('\u0000') },
      { header: header('3'), kvs: [] },
      { op: 'range', key: '/a', rangeEnd: '\u0000', revision: 3, count: 0 },
    ],
    [
      'a bare put',
      'Put',
      { key: bytes('/k'), value: bytes('v') },
      { header: header('6') },
      { op: 'put', key: '/k', revision: 6 },
    ],
    [
      'a delete of a prefix counts what it removed',
      'DeleteRange',
      { key: bytes('/exp/'), range_end: bytes('/exp0') },
      { header: header('9'), deleted: '2' },
      { op: 'delete', key: '/exp/', isPrefix: true, revision: 9, count: 2 },
    ],
    ['compaction is left out', 'Compact', { revision: '40', physical: false }, { header: header('42') }, undefined],
  ];
  for (const [name, method, request, response, expected] of cases) {
    it(name, () => assert.deepEqual(kvOperation(method, request, response as KvResponse), expected));
  }
});

describe('etcd tap: a KV call etcd refused', () => {
  const compacted = 'etcdserver: mvcc: required revision has been compacted';
  const cases: Array<[string, string, unknown, string, EtcdOperation | undefined]> = [
    [
      'a read below the compacted revision names the revision it asked for',
      'Range',
      {
        key: bytes('/registry/configmaps/demo/'),
        range_end: bytes('/registry/configmaps/demo0'),
        revision: '132',
        limit: '1',
      },
      compacted,
      { op: 'range', key: '/registry/configmaps/demo/', isPrefix: true, revision: 132, error: compacted },
    ],
    [
      'a transaction keeps its guard and its write, and has no outcome',
      'Txn',
      {
        compare: [{ key: bytes(key), result: 0, target: 2, mod_revision: '17' }],
        success: [{ request_put: { key: bytes(key), value: bytes('{}') } }],
        failure: [],
      },
      'etcdserver: request timed out',
      { op: 'txn', key, compare: 'mod_revision == 17', write: 'put', error: 'etcdserver: request timed out' },
    ],
    ['a refused compaction is left out too', 'Compact', { revision: '40' }, compacted, undefined],
  ];
  for (const [name, method, request, error, expected] of cases) {
    it(name, () => assert.deepEqual(failedKvOperation(method, request, error), expected));
  }
});

describe('etcd tap: a message on the Watch stream', () => {
  const cases: Array<[string, WatchRequest, EtcdOperation | undefined]> = [
    [
      'creating a watch on a prefix from a revision',
      {
        create_request: {
          key: bytes('/registry/configmaps/demo/'),
          range_end: bytes('/registry/configmaps/demo0'),
          start_revision: '31',
          prev_kv: true,
        } as WatchRequest['create_request'],
      },
      { op: 'watch', key: '/registry/configmaps/demo/', isPrefix: true, revision: 31 },
    ],
    ['creating a watch on one key from now', { create_request: { key: bytes('/k') } }, { op: 'watch', key: '/k' }],
    ['cancelling a watch is not an operation', { cancel_request: { watch_id: '0' } } as WatchRequest, undefined],
  ];
  for (const [name, request, expected] of cases) it(name, () => assert.deepEqual(watchOperation(request), expected));
});
