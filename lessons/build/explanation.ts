// Explanations: why the scheduler put one pod on one node, read from a real decision.
//
// The scheduler publishes every binding's numbers on the pod, in the annotation
// scheduler.kubelab.dev/explanation (impl/scheduler/explain.ts). A scenario saves one with
// "the scheduler's explanation for pod ... is saved as ..."; a copy kept in
// lessons/explanations/<name>.json is drawn by `<Explanation name>` as a table: one column per
// node, the filters' verdicts, then each score plugin's raw → normalized × weight, then the
// total. The selected node's column is marked. A filter after the one that rejected a node
// never ran on it, and a rejected node has no scores: those cells say so.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Explanation, NodeExplanation } from '../../impl/scheduler/explain.js';
import { LessonsDir } from './course.js';

export const ExplanationsDir = path.join(LessonsDir, 'explanations');

export interface SavedExplanation {
  name: string;
  /** The scenario that saved it, and its `<feature file>:<line>`. */
  title: string;
  scenario?: string;
  explanation: Explanation;
}

/** One cell: its text, and how it reads (passed, rejected, skipped, not run, a score). */
export interface ExplanationCell {
  text: string;
  kind: 'passed' | 'rejected' | 'skipped' | 'not-run' | 'score' | 'total';
}

export interface ExplanationRow {
  plugin: string;
  cells: ExplanationCell[];
}

export interface ExplanationTable {
  nodes: Array<{ name: string; isSelected: boolean }>;
  filters: ExplanationRow[];
  scores: ExplanationRow[];
  totals: ExplanationCell[];
  /** One sentence on the search: how many nodes were looked at, fit, were turned down. */
  search: string;
}

export function loadExplanation(name: string): SavedExplanation {
  const saved = JSON.parse(
    readFileSync(path.join(ExplanationsDir, `${name}.json`), 'utf8'),
  ) as Partial<SavedExplanation>;
  if (typeof saved.title !== 'string' || !Array.isArray(saved.explanation?.nodes)) {
    throw new Error(
      `loadExplanation: lessons/explanations/${name}.json needs a "title" and an "explanation" with "nodes"`,
    );
  }
  return { name, title: saved.title, scenario: saved.scenario, explanation: saved.explanation };
}

/** The explanation as rows of plugins over columns of nodes, in the order the scheduler ran them. */
export function explanationTable(explanation: Explanation): ExplanationTable {
  const { nodes } = explanation;
  const filterPlugins = unique(nodes.flatMap((node) => Object.keys(node.filters)));
  const scorePlugins = unique(nodes.flatMap((node) => Object.keys(node.scores ?? {})));
  return {
    nodes: nodes.map((node) => ({ name: node.node, isSelected: node.node === explanation.selectedNode })),
    filters: filterPlugins.map((plugin) => ({ plugin, cells: nodes.map((node) => filterCell(node, plugin)) })),
    scores: scorePlugins.map((plugin) => ({ plugin, cells: nodes.map((node) => scoreCell(node, plugin)) })),
    totals: nodes.map((node) => totalCell(node)),
    search: searchSentence(explanation),
  };
}

function filterCell(node: NodeExplanation, plugin: string): ExplanationCell {
  const verdict = node.filters[plugin];
  if (verdict === undefined) return { text: 'not run', kind: 'not-run' };
  if (verdict === 'Success') return { text: 'passed', kind: 'passed' };
  if (verdict === 'Skip') return { text: 'skipped', kind: 'skipped' };
  // `<code>: <reasons>`: the reasons are what FailedScheduling counts.
  return { text: verdict.replace(/^[A-Za-z]+: /, ''), kind: 'rejected' };
}

function scoreCell(node: NodeExplanation, plugin: string): ExplanationCell {
  const score = node.scores?.[plugin];
  if (score === undefined) return { text: '—', kind: 'not-run' };
  if (score === 'Skip') return { text: 'skipped', kind: 'skipped' };
  return { text: `${score.raw} → ${score.normalized} × ${score.weight} = ${score.weighted}`, kind: 'score' };
}

function totalCell(node: NodeExplanation): ExplanationCell {
  if (node.totalScore === undefined) return { text: '—', kind: 'not-run' };
  return { text: String(node.totalScore), kind: 'total' };
}

function searchSentence(explanation: Explanation): string {
  const { numAllNodes, evaluatedNodes, feasibleNodes, rejectedNodes, numNodesToFind } = explanation.search;
  const ties =
    explanation.tiedAtTop > 1 ? `; ${explanation.tiedAtTop} nodes tied at the top, and one was picked at random` : '';
  const omitted = explanation.omittedNodes > 0 ? ` (${explanation.omittedNodes} more not shown)` : '';
  return (
    `${evaluatedNodes} of ${numAllNodes} nodes filtered, stopping at ${numNodesToFind} feasible: ` +
    `${feasibleNodes} feasible, ${rejectedNodes} rejected${omitted}${ties}.`
  );
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
