import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject, OwnerReference } from '../../client/types.js';
import {
  attemptToDeleteDecision,
  type Decision,
  type DependentFacts,
  type OwnerState,
  ownerState,
  unblocked,
  withoutOwners,
} from './decisions.js';

const reference = (uid: string, blockOwnerDeletion = true): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: `rs-${uid}`,
  uid,
  controller: true,
  blockOwnerDeletion,
});
const owner = (uid: string, metadata: KubeObject['metadata'] = {}): KubeObject => ({
  metadata: { name: `rs-${uid}`, uid, ...metadata },
});

describe('ownerState', () => {
  const cases: Array<[string, KubeObject | undefined, OwnerState]> = [
    ['an owner that exists with the same uid is solid', owner('a'), 'solid'],
    ['an owner not found is dangling', undefined, 'dangling'],
    ["another object under the owner's name is dangling", owner('b'), 'dangling'],
    [
      'an owner deleting in the foreground waits for its dependents',
      owner('a', { deletionTimestamp: 't', finalizers: ['foregroundDeletion'] }),
      'waitingForDependentsDeletion',
    ],
    ['an owner being orphaned is still solid', owner('a', { deletionTimestamp: 't', finalizers: ['orphan'] }), 'solid'],
  ];
  for (const [name, found, expected] of cases)
    it(name, () => assert.equal(ownerState(reference('a'), found), expected));
});

describe('attemptToDeleteDecision', () => {
  const facts = (states: OwnerState[], more: Partial<DependentFacts> = {}): DependentFacts => ({
    owners: states.map((state, index) => ({ reference: reference(`o${index}`), state })),
    finalizers: [],
    hasDependents: false,
    hasDependentDeletingDependents: false,
    ...more,
  });
  const cases: Array<[string, DependentFacts, Decision]> = [
    ['a live owner keeps the object', facts(['solid']), { action: 'keep' }],
    [
      "a live owner keeps it, and a dead owner's reference is dropped",
      facts(['solid', 'dangling']),
      { action: 'removeOwnerReferences', uids: ['o1'] },
    ],
    [
      'a live owner keeps it from a foreground deletion too, dropping that reference',
      facts(['waitingForDependentsDeletion', 'solid']),
      { action: 'removeOwnerReferences', uids: ['o0'] },
    ],
    [
      'every owner gone: deleted in the background',
      facts(['dangling']),
      { action: 'delete', policy: 'Background', unblockOwnersFirst: false },
    ],
    [
      'an owner deleting in the foreground, nothing below: deleted in the background',
      facts(['waitingForDependentsDeletion']),
      { action: 'delete', policy: 'Background', unblockOwnersFirst: false },
    ],
    [
      'an owner deleting in the foreground, dependents below: the foreground cascades',
      facts(['waitingForDependentsDeletion'], { hasDependents: true }),
      { action: 'delete', policy: 'Foreground', unblockOwnersFirst: false },
    ],
    [
      'a dependent below also deleting its dependents: unblock first, against cycles',
      facts(['waitingForDependentsDeletion'], { hasDependents: true, hasDependentDeletingDependents: true }),
      { action: 'delete', policy: 'Foreground', unblockOwnersFirst: true },
    ],
    [
      'an orphan finalizer on the object is honoured',
      facts(['dangling'], { finalizers: ['orphan'] }),
      { action: 'delete', policy: 'Orphan', unblockOwnersFirst: false },
    ],
  ];
  for (const [name, input, expected] of cases)
    it(name, () => assert.deepEqual(attemptToDeleteDecision(input), expected));
});

describe('owner reference edits', () => {
  it('withoutOwners drops only the named uids', () =>
    assert.deepEqual(withoutOwners([reference('a'), reference('b')], ['a']), [reference('b')]));
  it('unblocked turns blockOwnerDeletion off and leaves the rest', () =>
    assert.deepEqual(unblocked([reference('a'), reference('b', false)]), [
      reference('a', false),
      reference('b', false),
    ]));
});
