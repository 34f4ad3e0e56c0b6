// Steps that read why the scheduler decided: the explanation it publishes on each pod it binds
// (scores, rejections, ties), and the Scheduled events of pods placed one at a time.

import assert from 'node:assert/strict';
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { eventually } from './support/eventually.js';
import {
  explanationOf,
  nodeName,
  type Placement,
  placeOneAtATime,
  preferringNodes,
  saveExplanation,
} from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

Then(
  "the scheduler's explanation for pod {string} gives {string} a higher {word} score than {string}",
  async function (this: KubeWorld, label: string, winner: string, plugin: string, loser: string) {
    const explanation = await explanationOf(this, label);
    const scoreOf = (node: string) => {
      const entry = explanation.nodes.find((candidate) => candidate.node === nodeName(this, node));
      const score = entry?.scores?.[plugin];
      assert.ok(score && typeof score === 'object', `no ${plugin} score for ${node} in ${JSON.stringify(explanation)}`);
      return score.weighted;
    };
    assert.ok(scoreOf(winner) > scoreOf(loser), JSON.stringify(explanation));
  },
);

// The plugin's own score of each node, before normalizing and weighting: what the lesson works out by hand.
Then(
  "the scheduler's explanation for pod {string} gives these {word} scores:",
  async function (this: KubeWorld, label: string, plugin: string, table: DataTable) {
    const explanation = await explanationOf(this, label);
    const rows = table.hashes();
    const actual = rows.map(({ node = '' }) => {
      const score = explanation.nodes.find((entry) => entry.node === nodeName(this, node))?.scores?.[plugin];
      return { node, score: typeof score === 'object' ? String(score.raw) : String(score) };
    });
    assert.deepEqual(actual, rows, `the ${plugin} scores of pod "${label}"`);
  },
);

// Exactly these nodes were turned down by the plugin, each for exactly these reasons, in order.
Then(
  "the scheduler's explanation for pod {string} shows these nodes rejected by {word}:",
  async function (this: KubeWorld, label: string, plugin: string, table: DataTable) {
    const explanation = await explanationOf(this, label);
    const labels = new Map([...this.nodeNames].map(([nodeLabel, name]) => [name, nodeLabel]));
    const rejected = explanation.nodes
      .filter((entry) => entry.filters[plugin]?.startsWith('Unschedulable'))
      .map((entry) => ({
        node: labels.get(entry.node) ?? entry.node,
        reasons: entry.filters[plugin]?.replace(/^Unschedulable: /, '') ?? '',
      }));
    const sortByNode = (rows: Array<{ node?: string }>) =>
      [...rows].sort((a, b) => (a.node ?? '').localeCompare(b.node ?? ''));
    assert.deepEqual(
      sortByNode(rejected),
      sortByNode(table.hashes()),
      `the nodes ${plugin} rejected for pod "${label}"`,
    );
  },
);

Then(
  "the scheduler's explanation for pod {string} is saved as {string}",
  async function (this: KubeWorld, label: string, name: string) {
    await saveExplanation(this, label, name);
  },
);

When(
  '{int} pods {string} are scheduled one at a time, each deleted before the next',
  async function (this: KubeWorld, count: number, label: string) {
    rememberPlacements(this, label, await placeOneAtATime(this, label, count));
  },
);

When(
  '{int} pods {string} with preferred node affinity {string} of weight {int} ' +
    'are scheduled one at a time, each deleted before the next',
  async function (this: KubeWorld, count: number, label: string, expression: string, weight: number) {
    rememberPlacements(this, label, await placeOneAtATime(this, label, count, preferringNodes(expression, weight)));
  },
);

When(
  '{int} pods {string} are scheduled one at a time, each staying where it lands',
  async function (this: KubeWorld, count: number, label: string) {
    rememberPlacements(this, label, await placeOneAtATime(this, label, count, {}, { stay: true }));
  },
);

// How many nodes shared the best total score when each pod was placed, in the order of the pods.
Then(
  'the pods {string} were scheduled among this many nodes tied at the top, in turn: {string}',
  function (this: KubeWorld, label: string, counts: string) {
    const placements = JSON.parse(this.notes.get(`placements of ${label}`) ?? '[]') as Placement[];
    assert.deepEqual(
      placements.map((placement) => placement.tiedAtTop),
      counts.split(',').map(Number),
      `the explanations' tiedAtTop, pod by pod`,
    );
  },
);

Then(
  'the pods {string} lie {int} on each {string} node',
  function (this: KubeWorld, label: string, count: number, nodeLabel: string) {
    const placements = JSON.parse(this.notes.get(`placements of ${label}`) ?? '[]') as Placement[];
    const nodes = [...this.nodeNames.keys()].filter((node) => node.startsWith(`${nodeLabel} `));
    assert.ok(nodes.length > 0, `the scenario has no "${nodeLabel}" node`);
    const perNode = nodes.map((node) => ({
      node,
      pods: placements.filter((placement) => placement.node === nodeName(this, node)).length,
    }));
    assert.deepEqual(
      perNode,
      nodes.map((node) => ({ node, pods: count })),
      `pods "${label}" in the order they were placed: ${placements.map((placement) => placement.node).join(', ')}`,
    );
  },
);

Then(
  'every pod {string} was scheduled among {int} nodes tied at the top',
  function (this: KubeWorld, label: string, tied: number) {
    const placements = JSON.parse(this.notes.get(`placements of ${label}`) ?? '[]') as Placement[];
    assert.ok(placements.length > 0, `no pod "${label}" was placed one at a time`);
    assert.deepEqual(
      placements.filter((placement) => placement.tiedAtTop !== tied),
      [],
      `the explanations' tiedAtTop: ${placements.map((placement) => placement.tiedAtTop).join(', ')}`,
    );
  },
);

Then(
  'within {int} seconds the Scheduled events name every {string} node and no other',
  async function (this: KubeWorld, seconds: number, nodeLabel: string) {
    const nodes = [...this.nodeNames.entries()]
      .filter(([label]) => label.startsWith(`${nodeLabel} `))
      .map(([, name]) => name);
    await expectScheduledEventsToName(this, nodes, seconds);
  },
);

Then(
  'within {int} seconds the Scheduled events name node {string} and no other',
  async function (this: KubeWorld, seconds: number, node: string) {
    await expectScheduledEventsToName(this, [nodeName(this, node)], seconds);
  },
);

function rememberPlacements(world: KubeWorld, label: string, placements: Placement[]): void {
  world.notes.set(`placements of ${label}`, JSON.stringify(placements));
}

/** The nodes the namespace's Scheduled events name ("Successfully assigned ns/pod to node") are exactly these. */
async function expectScheduledEventsToName(world: KubeWorld, nodes: string[], seconds: number): Promise<void> {
  await eventually(
    async () => {
      const events = (await world.api.list({ resource: 'events', namespace: world.namespace })).items.filter(
        (event) => event.reason === 'Scheduled',
      );
      const counts = new Map<string, number>();
      for (const event of events) {
        const node = /to (\S+)$/.exec(String(event.message))?.[1] ?? '?';
        counts.set(node, (counts.get(node) ?? 0) + 1);
      }
      const perNode = [...counts].map(([node, count]) => `${node} ×${count}`).join(', ');
      assert.deepEqual([...counts.keys()].sort(), [...nodes].sort(), `the nodes Scheduled events name: ${perNode}`);
    },
    { timeoutMs: seconds * 1000 },
  );
}
