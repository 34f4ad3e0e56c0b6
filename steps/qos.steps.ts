// Steps about what the API server adds to a pod it creates: its QoS class and the requests a
// limit stands in for. The pod goes in through kubectl and is read back through kubectl.

import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { stringify } from 'yaml';
import type { Pod } from '../impl/client/types.js';
import { kindByWords } from './support/manifests.js';
import type { KubeWorld } from './support/world.js';

/** `cpu=100m,memory=64Mi` as a resource list; `nothing` as none. */
function resourceList(text: string): Record<string, string> | undefined {
  if (text === 'nothing') return undefined;
  return Object.fromEntries(text.split(',').map((pair) => pair.split('=') as [string, string]));
}

async function podJson(world: KubeWorld, label: string): Promise<Pod> {
  const result = await world.kubectl(['get', 'pod', world.recall(label).name, '-n', world.namespace, '-o', 'json']);
  assert.equal(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout) as Pod;
}

When(
  'a pod {string} whose container requests {word} and limits {word} is created with kubectl',
  async function (this: KubeWorld, label: string, requests: string, limits: string) {
    const pod = kindByWords('pod');
    const name = `${label}-${this.namespace.slice(-6)}`;
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: this.namespace },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'kubelab/sleeper',
            resources: { requests: resourceList(requests), limits: resourceList(limits) },
          },
        ],
      },
    };
    const result = await this.kubectl(['create', '-f', '-'], stringify(manifest));
    assert.equal(result.exitCode, 0, result.stderr);
    this.remember(label, { kind: pod, name, namespace: this.namespace });
  },
);

Then(
  'kubectl shows pod {string} with status.qosClass {string}',
  async function (this: KubeWorld, label: string, qosClass: string) {
    assert.equal((await podJson(this, label)).status?.qosClass, qosClass);
  },
);

Then('kubectl shows pod {string} requesting {word}', async function (this: KubeWorld, label: string, requests: string) {
  const stored = (await podJson(this, label)).spec?.containers[0]?.resources?.requests;
  assert.deepEqual(stored, resourceList(requests));
});
