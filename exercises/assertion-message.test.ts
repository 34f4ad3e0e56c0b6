import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeOf } from './assertion-message.js';

function messageOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('messageOf: the check passed');
}

describe('expected and actual from an assertion message', () => {
  const cases: Array<[string, string, { expected?: string; actual: string }]> = [
    ['a strict equal names both values', messageOf(() => assert.equal(3, 5)), { expected: '5', actual: '3' }],
    ['strings keep their quotes', messageOf(() => assert.equal('79', '80')), { expected: "'80'", actual: "'79'" }],
    [
      'a deep equal keeps only the differing lines',
      messageOf(() =>
        assert.deepEqual(
          { code: 500, reason: 'InternalError', message: 'm' },
          { code: 409, reason: 'Conflict', message: 'm' },
        ),
      ),
      { expected: "code: 409, reason: 'Conflict'", actual: "code: 500, reason: 'InternalError'" },
    ],
    [
      'any other error is what actually happened',
      'Internal error occurred: exercise registry-key is not solved yet\n    at x',
      { actual: 'Internal error occurred: exercise registry-key is not solved yet' },
    ],
    [
      'a custom message without values is the actual',
      messageOf(() => assert.ok(false, 'the second update was accepted')),
      { actual: 'the second update was accepted' },
    ],
  ];
  for (const [name, message, expected] of cases) it(name, () => assert.deepEqual(outcomeOf(message), expected));
});
