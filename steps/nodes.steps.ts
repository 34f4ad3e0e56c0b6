// Steps that shape the cluster's nodes: simulated nodes created through the API.

import assert from 'node:assert/strict';
import { Given, When } from '@cucumber/cucumber';
import { addNode, nodeName, onlyTheseNodes, parseLabel, parseTaint } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

Given(
  "the cluster's only schedulable nodes are {string} with {int} CPU(s) and {string} with {int} CPUs",
  async function (this: KubeWorld, first: string, firstCpu: number, second: string, secondCpu: number) {
    await onlyTheseNodes(this, [
      { label: first, cpu: String(firstCpu) },
      { label: second, cpu: String(secondCpu) },
    ]);
  },
);

Given(
  "the cluster's only schedulable nodes are {string} with {int} CPUs",
  async function (this: KubeWorld, label: string, cpu: number) {
    await onlyTheseNodes(this, [{ label, cpu: String(cpu) }]);
  },
);

Given(
  "the cluster's only schedulable nodes are {string} and {string}, both tainted {string}",
  async function (this: KubeWorld, first: string, second: string, taint: string) {
    await onlyTheseNodes(
      this,
      [first, second].map((label) => ({ label, taints: [parseTaint(taint)] })),
    );
  },
);

Given(
  "the cluster's only schedulable nodes are {string} and {string}, with {string} tainted {string}",
  async function (this: KubeWorld, first: string, second: string, tainted: string, taint: string) {
    await onlyTheseNodes(
      this,
      [first, second].map((label) => ({ label, taints: label === tainted ? [parseTaint(taint)] : undefined })),
    );
  },
);

Given(
  "the cluster's only schedulable nodes are {string} labelled {string} and {string} labelled {string}",
  async function (this: KubeWorld, first: string, firstLabel: string, second: string, secondLabel: string) {
    await onlyTheseNodes(this, [
      { label: first, labels: parseLabel(firstLabel) },
      { label: second, labels: parseLabel(secondLabel) },
    ]);
  },
);

Given(
  "the cluster's only schedulable nodes are {int} identical nodes {string}",
  async function (this: KubeWorld, count: number, label: string) {
    await onlyTheseNodes(
      this,
      Array.from({ length: count }, (_, index) => ({ label: `${label} ${index}` })),
    );
  },
);

Given(
  "the cluster's only schedulable nodes are {int} identical nodes {string} and a node {string} with {int} CPUs",
  async function (this: KubeWorld, count: number, label: string, other: string, cpu: number) {
    await onlyTheseNodes(this, [
      ...Array.from({ length: count }, (_, index) => ({ label: `${label} ${index}` })),
      { label: other, cpu: String(cpu) },
    ]);
  },
);

Given('the cluster has no schedulable nodes', async function (this: KubeWorld) {
  await onlyTheseNodes(this, []);
  assert.equal((await this.api.list({ resource: 'nodes' })).items.length, 0);
});

When(
  'a node {string} with {int} CPU(s) joins the cluster',
  async function (this: KubeWorld, label: string, cpu: number) {
    await addNode(this, { label, cpu: String(cpu) });
  },
);

Given(
  'a node {string} with {int} CPUs and room for {int} pod(s) joined/joins the cluster',
  async function (this: KubeWorld, label: string, cpu: number, pods: number) {
    await addNode(this, { label, cpu: String(cpu), pods });
  },
);

Given(
  'a node {string} with no cpu and no memory to offer joined the cluster',
  async function (this: KubeWorld, label: string) {
    await addNode(this, { label, cpu: '0', memory: '0' });
  },
);

Given('node {string} was cordoned with kubectl', async function (this: KubeWorld, label: string) {
  const result = await this.kubectl(['cordon', nodeName(this, label)]);
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /cordoned/);
});
