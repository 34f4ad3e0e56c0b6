import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DeletionPass, deletionConditions, type NamespaceCondition, updateConditions } from './conditions.js';

const clean: DeletionPass = { deleteErrors: [], remaining: new Map(), finalizers: new Map() };
const byType = (conditions: NamespaceCondition[]) =>
  Object.fromEntries(
    conditions.map((condition) => [condition.type, `${condition.status} ${condition.reason}: ${condition.message}`]),
  );

describe('deletionConditions', () => {
  it('says all is well, in five False conditions, when nothing is left', () => {
    assert.deepEqual(byType(deletionConditions(clean)), {
      NamespaceDeletionDiscoveryFailure: 'False ResourcesDiscovered: All resources successfully discovered',
      NamespaceDeletionGroupVersionParsingFailure:
        'False ParsedGroupVersions: All legacy kube types successfully parsed',
      NamespaceDeletionContentFailure:
        'False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      NamespaceContentRemaining: 'False ContentRemoved: All content successfully removed',
      NamespaceFinalizersRemaining: 'False ContentHasNoFinalizers: All content-preserving finalizers finished',
    });
  });
  const cases: Array<[string, Partial<DeletionPass>, string, string]> = [
    [
      'lists what remains, sorted, core resources with a bare dot',
      {
        remaining: new Map([
          ['pods.', 2],
          ['configmaps.', 1],
        ]),
      },
      'NamespaceContentRemaining',
      'True SomeResourcesRemain: Some resources are remaining: ' +
        'configmaps. has 1 resource instances, pods. has 2 resource instances',
    ],
    [
      'lists the finalizers holding content',
      { finalizers: new Map([['example.com/hold', 1]]) },
      'NamespaceFinalizersRemaining',
      'True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: ' +
        'example.com/hold in 1 resource instances',
    ],
    [
      'reports failed deletes with their count',
      { deleteErrors: ['b failed', 'a failed'] },
      'NamespaceDeletionContentFailure',
      'True ContentDeletionFailed: Failed to delete all resource types, 2 remaining: a failed, b failed',
    ],
    [
      'reports a failed discovery',
      { discoveryError: 'GET /apis: 503' },
      'NamespaceDeletionDiscoveryFailure',
      'True DiscoveryFailed: GET /apis: 503',
    ],
    [
      'ignores zero counts',
      { remaining: new Map([['pods.', 0]]) },
      'NamespaceContentRemaining',
      'False ContentRemoved: All content successfully removed',
    ],
  ];
  for (const [name, pass, type, expected] of cases)
    it(name, () => assert.equal(byType(deletionConditions({ ...clean, ...pass }))[type], expected));
});

describe('updateConditions', () => {
  const wanted = deletionConditions(clean);
  it('adds missing conditions stamped now', () => {
    const result = updateConditions([], wanted, 'now');
    assert.equal(result?.length, 5);
    assert.ok(result?.every((condition) => condition.lastTransitionTime === 'now'));
  });
  it('changes nothing when nothing changed', () =>
    assert.equal(updateConditions(updateConditions([], wanted, 't1') ?? [], wanted, 't2'), undefined));
  it('moves lastTransitionTime only when the status changes', () => {
    const before =
      updateConditions([], deletionConditions({ ...clean, remaining: new Map([['pods.', 2]]) }), 't1') ?? [];
    const fewer =
      updateConditions(before, deletionConditions({ ...clean, remaining: new Map([['pods.', 1]]) }), 't2') ?? [];
    assert.equal(fewer.find((condition) => condition.type === 'NamespaceContentRemaining')?.lastTransitionTime, 't1');
    const none = updateConditions(fewer, wanted, 't3') ?? [];
    assert.equal(none.find((condition) => condition.type === 'NamespaceContentRemaining')?.lastTransitionTime, 't3');
  });
});
