// Steps about the node IPAM controller: which range of pod addresses each node holds, and who
// wrote it there.

import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { clientName } from '../impl/client/audit-event.js';
import type { Node } from '../impl/client/types.js';
import { CidrSet } from '../impl/controllers/nodeipam/cidr-set.js';
import { readAuditLog } from './support/audit.js';
import { eventually } from './support/eventually.js';
import { addNode, nodeName } from './support/scheduling.js';
import type { KubeWorld } from './support/world.js';

When(
  'a node {string} with the podCIDR {string} joins the cluster',
  async function (this: KubeWorld, label: string, podCidr: string) {
    await addNode(this, { label, podCidr });
  },
);

Then(
  'within {int} seconds every node has one podCIDR, a {string} of {string}, and no two nodes share one',
  async function (this: KubeWorld, seconds: number, mask: string, clusterCidr: string) {
    await eventually(
      async () => {
        const nodes = (await this.api.list<Node>({ resource: 'nodes' })).items;
        const ranges = nodes.map((node) => `${node.metadata.name}: ${node.spec?.podCIDR ?? 'none'}`).join(', ');
        // The blocks of the cluster CIDR a node may have: occupy refuses anything else.
        const blocks = new CidrSet(clusterCidr, Number(mask.replace(/^\//, '')));
        for (const node of nodes) {
          const podCidr = node.spec?.podCIDR ?? '';
          assert.ok(
            /^[\d.]+\/\d+$/.test(podCidr) && blocks.occupy(podCidr),
            `not a ${mask} of ${clusterCidr}: ${ranges}`,
          );
          assert.deepEqual(node.spec?.podCIDRs, [podCidr], `${node.metadata.name}'s podCIDRs`);
        }
        assert.equal(new Set(nodes.map((node) => node.spec?.podCIDR)).size, nodes.length, `shared: ${ranges}`);
      },
      { timeoutMs: seconds * 1000 },
    );
  },
);

Then('node {string} has the podCIDR {string}', async function (this: KubeWorld, label: string, podCidr: string) {
  const node = await this.api.get<Node>({ resource: 'nodes', name: nodeName(this, label) });
  assert.equal(node.spec?.podCIDR, podCidr);
});

Then(
  'the audit log shows the controller manager patched nodes {string} and {string}, and not {string}',
  async function (this: KubeWorld, first: string, second: string, untouched: string) {
    const patched = (await readAuditLog(this.auditLogPath))
      .filter(
        (event) =>
          event.stage === 'ResponseComplete' &&
          event.verb === 'patch' &&
          event.objectRef?.resource === 'nodes' &&
          clientName(event.userAgent) === 'kube-controller-manager',
      )
      .map((event) => event.objectRef?.name);
    for (const label of [first, second])
      assert.ok(patched.includes(nodeName(this, label)), `no patch of node ${label}: ${patched.join(', ')}`);
    assert.ok(!patched.includes(nodeName(this, untouched)), `node ${untouched} was patched`);
  },
);
