import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OwnerReference } from '../../client/types.js';
import { DependencyGraph, type GraphMetadata, type ObjectIdentity } from './graph.js';

const rs: ObjectIdentity = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'ns', name: 'web', uid: 'rs' };
const pod = (uid: string): ObjectIdentity => ({
  apiVersion: 'v1',
  kind: 'Pod',
  namespace: 'ns',
  name: `web-${uid}`,
  uid,
});
const ownedByRs = (blockOwnerDeletion = true): GraphMetadata => ({
  ownerReferences: [
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web',
      uid: 'rs',
      controller: true,
      blockOwnerDeletion,
    } as OwnerReference,
  ],
});

function graphWithTwoPods(): DependencyGraph {
  const graph = new DependencyGraph();
  graph.observe(rs, {});
  graph.observe(pod('p1'), ownedByRs());
  graph.observe(pod('p2'), ownedByRs(false));
  return graph;
}

describe('DependencyGraph', () => {
  it('records dependents under their owner', () => {
    assert.deepEqual(
      graphWithTwoPods()
        .dependentsOf('rs')
        .map((node) => node.identity.uid),
      ['p1', 'p2'],
    );
  });
  it('makes a virtual node for an owner not seen yet, and asks for it to be checked', () => {
    const graph = new DependencyGraph();
    const work = graph.observe(pod('p1'), ownedByRs());
    assert.deepEqual(work.attemptToDelete, ['rs']);
    assert.equal(graph.get('rs')?.isVirtual, true);
    graph.observe(rs, {});
    assert.equal(graph.get('rs')?.isVirtual, false);
    assert.deepEqual(
      graph.dependentsOf('rs').map((node) => node.identity.uid),
      ['p1'],
    );
  });
  it('an owner deleted hands over its dependents', () => {
    assert.deepEqual(graphWithTwoPods().remove('rs').attemptToDelete, ['p1', 'p2']);
  });
  it('an owner that starts deleting in the foreground hands over its dependents, then itself', () => {
    const graph = graphWithTwoPods();
    const work = graph.observe(rs, { deletionTimestamp: 't', finalizers: ['foregroundDeletion'] }, {});
    assert.deepEqual(work.attemptToDelete, ['p1', 'p2', 'rs']);
    assert.equal(graph.get('rs')?.isDeletingDependents, true);
  });
  it('only dependents with blockOwnerDeletion block a foreground deletion', () => {
    assert.deepEqual(
      graphWithTwoPods()
        .blockingDependents('rs')
        .map((node) => node.identity.uid),
      ['p1'],
    );
  });
  it('a blocking dependent that goes wakes its owner waiting in the foreground', () => {
    const graph = graphWithTwoPods();
    graph.observe(rs, { deletionTimestamp: 't', finalizers: ['foregroundDeletion'] }, {});
    assert.deepEqual(graph.remove('p1').attemptToDelete, ['rs']);
  });
  it('an owner that asks for its dependents to be orphaned goes to the orphan queue', () => {
    const work = graphWithTwoPods().observe(rs, { deletionTimestamp: 't', finalizers: ['orphan'] }, {});
    assert.deepEqual(work, { attemptToDelete: [], attemptToOrphan: ['rs'] });
  });
  it('a transition is reported once, not on every later update', () => {
    const graph = graphWithTwoPods();
    const waiting = { deletionTimestamp: 't', finalizers: ['orphan'] };
    graph.observe(rs, waiting, {});
    assert.deepEqual(graph.observe(rs, waiting, waiting).attemptToOrphan, []);
  });
  it("a dependent that drops its reference leaves the owner's dependents", () => {
    const graph = graphWithTwoPods();
    graph.observe(pod('p1'), {}, ownedByRs());
    assert.deepEqual(
      graph.dependentsOf('rs').map((node) => node.identity.uid),
      ['p2'],
    );
  });
});
