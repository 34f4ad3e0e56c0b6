// Tests of the explanation table: a scheduler's decision becomes plugins over nodes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Explanation } from '../../impl/scheduler/explain.js';
import { explanationTable } from './explanation.js';

const passed = { NodeUnschedulable: 'Success', NodeAffinity: 'Skip', NodeResourcesFit: 'Success' };
const explanation: Explanation = {
  pod: 'demo/web',
  outcome: 'Scheduled',
  selectedNode: 'large',
  search: { numAllNodes: 3, startIndex: 0, numNodesToFind: 3, evaluatedNodes: 3, feasibleNodes: 2, rejectedNodes: 1 },
  tiedAtTop: 1,
  nodes: [
    {
      node: 'large',
      filters: passed,
      totalScore: 397,
      scores: {
        TaintToleration: { raw: 0, normalized: 100, weight: 3, weighted: 300 },
        NodeAffinity: 'Skip',
        NodeResourcesFit: { raw: 97, normalized: 97, weight: 1, weighted: 97 },
      },
    },
    {
      node: 'small',
      filters: passed,
      totalScore: 393,
      scores: {
        TaintToleration: { raw: 0, normalized: 100, weight: 3, weighted: 300 },
        NodeAffinity: 'Skip',
        NodeResourcesFit: { raw: 93, normalized: 93, weight: 1, weighted: 93 },
      },
    },
    {
      node: 'tiny',
      filters: {
        NodeUnschedulable: 'Success',
        NodeAffinity: 'Skip',
        NodeResourcesFit: 'Unschedulable: Insufficient cpu',
      },
    },
  ],
  omittedNodes: 0,
};

test('filters are rows, nodes are columns, and a rejection shows its reason', () => {
  const table = explanationTable(explanation);
  assert.deepEqual(table.nodes, [
    { name: 'large', isSelected: true },
    { name: 'small', isSelected: false },
    { name: 'tiny', isSelected: false },
  ]);
  assert.deepEqual(
    table.filters.map((row) => [row.plugin, ...row.cells.map((cell) => cell.text)]),
    [
      ['NodeUnschedulable', 'passed', 'passed', 'passed'],
      ['NodeAffinity', 'skipped', 'skipped', 'skipped'],
      ['NodeResourcesFit', 'passed', 'passed', 'Insufficient cpu'],
    ],
  );
});

test('scores read raw → normalized × weight = weighted, and a rejected node has none', () => {
  const table = explanationTable(explanation);
  assert.deepEqual(
    table.scores.map((row) => [row.plugin, ...row.cells.map((cell) => cell.text)]),
    [
      ['TaintToleration', '0 → 100 × 3 = 300', '0 → 100 × 3 = 300', '—'],
      ['NodeAffinity', 'skipped', 'skipped', '—'],
      ['NodeResourcesFit', '97 → 97 × 1 = 97', '93 → 93 × 1 = 93', '—'],
    ],
  );
  assert.deepEqual(
    table.totals.map((cell) => cell.text),
    ['397', '393', '—'],
  );
});

test('a filter after the rejecting one never ran on that node', () => {
  const rejectedEarly = {
    ...explanation,
    nodes: [
      { node: 'cordoned', filters: { NodeUnschedulable: 'UnschedulableAndUnresolvable: node(s) were unschedulable' } },
    ],
  };
  const table = explanationTable({
    ...rejectedEarly,
    nodes: [...explanation.nodes.slice(0, 1), ...rejectedEarly.nodes],
  });
  assert.deepEqual(
    table.filters.map((row) => row.cells[1]),
    [
      { text: 'node(s) were unschedulable', kind: 'rejected' },
      { text: 'not run', kind: 'not-run' },
      { text: 'not run', kind: 'not-run' },
    ],
  );
});

test('the search sentence counts nodes, and says when a tie was broken at random', () => {
  assert.equal(
    explanationTable(explanation).search,
    '3 of 3 nodes filtered, stopping at 3 feasible: 2 feasible, 1 rejected.',
  );
  assert.match(
    explanationTable({ ...explanation, tiedAtTop: 2 }).search,
    /2 nodes tied at the top, and one was picked at random\.$/,
  );
});
