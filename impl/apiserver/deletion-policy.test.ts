import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalizersForDeletion, type PropagationOptions, validatePropagation } from './deletion-policy.js';

describe('finalizersForDeletion', () => {
  const cases: Array<[string, string[], PropagationOptions, string[]]> = [
    ['a plain delete adds nothing: background is the default', [], {}, []],
    ['Background adds nothing', [], { propagationPolicy: 'Background' }, []],
    ['Orphan adds the orphan finalizer', [], { propagationPolicy: 'Orphan' }, ['orphan']],
    [
      'Foreground adds the foregroundDeletion finalizer',
      [],
      { propagationPolicy: 'Foreground' },
      ['foregroundDeletion'],
    ],
    [
      'other finalizers are kept',
      ['example.com/hold'],
      { propagationPolicy: 'Foreground' },
      ['example.com/hold', 'foregroundDeletion'],
    ],
    [
      "a second request with another policy replaces the first one's finalizer",
      ['orphan'],
      { propagationPolicy: 'Foreground' },
      ['foregroundDeletion'],
    ],
    [
      'Background on an owner being deleted in the foreground drops the finalizer',
      ['foregroundDeletion'],
      { propagationPolicy: 'Background' },
      [],
    ],
    ['a request that says nothing keeps the finalizer an earlier one set', ['orphan'], {}, ['orphan']],
    ['the deprecated orphanDependents: true orphans', [], { orphanDependents: true }, ['orphan']],
    ['orphanDependents: false deletes in the background', ['orphan'], { orphanDependents: false }, []],
  ];
  for (const [name, finalizers, options, expected] of cases) {
    it(name, () => assert.deepEqual(finalizersForDeletion(finalizers, options), expected));
  }
});

describe('validatePropagation', () => {
  it('accepts the three policies', () => {
    for (const propagationPolicy of ['Foreground', 'Background', 'Orphan'])
      assert.deepEqual(validatePropagation({ propagationPolicy }), []);
  });
  it('refuses any other word, naming the supported ones', () => {
    assert.deepEqual(validatePropagation({ propagationPolicy: 'Sideways' }), [
      {
        type: 'FieldValueNotSupported',
        field: 'propagationPolicy',
        value: 'Sideways',
        detail: 'supported values: "Foreground", "Background", "Orphan", "nil"',
      },
    ]);
  });
  it('refuses both the policy and the deprecated boolean', () => {
    assert.equal(
      validatePropagation({ propagationPolicy: 'Orphan', orphanDependents: true })[0]?.detail,
      'orphanDependents and deletionPropagation cannot be both set',
    );
  });
});
