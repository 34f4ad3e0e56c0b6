import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Pod } from '../../client/types.js';
import {
  missingNodeNames,
  orphanedPods,
  OutOfServiceTaint,
  terminatedPodsOverThreshold,
  terminatingOutOfServicePods,
  unscheduledTerminatingPods,
} from './decisions.js';

const pod = (
  name: string,
  nodeName?: string,
  extra: { deleting?: boolean; phase?: NonNullable<Pod['status']>['phase']; created?: string; reason?: string } = {},
): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z',
    ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}),
  },
  spec: { containers: [], ...(nodeName ? { nodeName } : {}) },
  status: { phase: extra.phase ?? 'Running', ...(extra.reason ? { reason: extra.reason } : {}) },
});
const node = (name: string, ready = true, taints: string[] = []): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec: { taints: taints.map((key) => ({ key, effect: 'NoExecute' as const })) },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] },
});
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('missingNodeNames', () => {
  it('names the nodes pods are bound to that the cache lacks, never the empty name', () => {
    assert.deepEqual([...missingNodeNames([pod('a', 'gone'), pod('b', 'here'), pod('c')], [node('here')])], ['gone']);
  });
});

describe('orphanedPods', () => {
  it('takes only the pods bound to a deleted node', () => {
    assert.deepEqual(names(orphanedPods([pod('a', 'gone'), pod('b', 'here'), pod('c')], new Set(['gone']))), ['a']);
  });
});

describe('unscheduledTerminatingPods', () => {
  it('takes pods being deleted that were never bound', () => {
    assert.deepEqual(
      names(
        unscheduledTerminatingPods([
          pod('a', undefined, { deleting: true }),
          pod('b', 'n', { deleting: true }),
          pod('c'),
        ]),
      ),
      ['a'],
    );
  });
});

describe('terminatingOutOfServicePods', () => {
  it('takes pods being deleted on a not-ready node tainted out of service', () => {
    const nodes = [
      node('down', false, [OutOfServiceTaint]),
      node('unreachable', false),
      node('tainted-but-ready', true, [OutOfServiceTaint]),
    ];
    const pods = [
      pod('a', 'down', { deleting: true }),
      pod('b', 'down'),
      pod('c', 'unreachable', { deleting: true }),
      pod('d', 'tainted-but-ready', { deleting: true }),
    ];
    assert.deepEqual(names(terminatingOutOfServicePods(pods, nodes)), ['a']);
  });
});

describe('terminatedPodsOverThreshold', () => {
  const pods = [
    pod('old-failed', 'n', { phase: 'Failed', created: '2026-01-01T00:00:00Z' }),
    pod('new-succeeded', 'n', { phase: 'Succeeded', created: '2026-01-03T00:00:00Z' }),
    pod('newest-evicted', 'n', { phase: 'Failed', reason: 'Evicted', created: '2026-01-04T00:00:00Z' }),
    pod('running', 'n', { phase: 'Running', created: '2025-01-01T00:00:00Z' }),
  ];
  it('deletes the excess, evicted first, then the oldest', () =>
    assert.deepEqual(names(terminatedPodsOverThreshold(pods, 1)), ['newest-evicted', 'old-failed']));
  it('deletes nothing under the threshold', () => assert.deepEqual(terminatedPodsOverThreshold(pods, 3), []));
  it('a threshold of 0 disables it', () => assert.deepEqual(terminatedPodsOverThreshold(pods, 0), []));
});
