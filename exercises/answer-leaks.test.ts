import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findAnswerLeaks, solutionFunctions } from './answer-leaks.js';

// The region marks are put together, so that this file itself holds no region.
const [start, end] = ['region', 'endregion'].map((mark) => `// #${mark}`);
const solution = `${start} toy-rule exercise=toy-rule points=10
export function matchesRule(toleration: Toleration, taint: Taint): boolean {
  if (toleration.key && toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || toleration.value === taint.value;
}
${end} toy-rule
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'answer-leaks-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const leaksIn = (files: Record<string, string>) => {
  const dir = project({ 'impl/client/tolerations.ts': solution, ...files });
  return findAnswerLeaks(
    dir,
    Object.keys({ 'impl/client/tolerations.ts': solution, ...files }),
    solutionFunctions(dir, ['impl/client/tolerations.ts']),
  );
};

test('the solution region itself, and code that calls it, leak nothing', () => {
  assert.deepEqual(leaksIn({ 'impl/b.ts': 'export function evict(t: Taint) {\n  return matchesRule(x, t);\n}\n' }), []);
});

test('a copy of the same name outside the region is a leak', () => {
  const copy = solution.split('\n').slice(1, 5).join('\n');
  assert.deepEqual(leaksIn({ 'impl/b.ts': `// a copy\n${copy}\n` }), [
    { exercise: 'toy-rule', solution: 'matchesRule', at: 'impl/b.ts:2', why: 'same name' },
  ]);
});

test('a renamed copy, respaced and commented, is a leak by its body', () => {
  const renamed = `class Evictor {
  private matches(toleration: Toleration, taint: Taint): boolean {
    // same rule
    if (toleration.key   && toleration.key !== taint.key) return false;
    return toleration.operator === 'Exists' || toleration.value === taint.value;
  }
}
`;
  assert.deepEqual(leaksIn({ 'impl/c.ts': renamed }), [
    { exercise: 'toy-rule', solution: 'matchesRule', at: 'impl/c.ts:2', why: 'same body' },
  ]);
});
