import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNode, makePod } from '../fixtures.js';
import { addPod, assumedPod, hasPortConflict, hostPortKeys, newNodeInfo, removePod } from './node-info.js';

describe('NodeInfo sums', () => {
  it('counts requested and non-zero requested resources as pods come', () => {
    const nodeInfo = newNodeInfo(makeNode('n'), [makePod('a', { cpu: '500m', memory: '1Gi' }), makePod('b')]);
    assert.deepEqual(nodeInfo.requested, { milliCpu: 500, memory: 2 ** 30, pods: 2 });
    assert.deepEqual(nodeInfo.nonZeroRequested, { milliCpu: 600, memory: 2 ** 30 + 200 * 2 ** 20, pods: 2 });
  });
  it('gives the resources back when a pod goes', () => {
    const pod = makePod('a', { cpu: '500m', ports: [{ containerPort: 80, hostPort: 8080 }] });
    const nodeInfo = newNodeInfo(makeNode('n'), [pod]);
    assert.equal(removePod(nodeInfo, pod), true);
    assert.deepEqual(nodeInfo.requested, { milliCpu: 0, memory: 0, pods: 0 });
    assert.equal(nodeInfo.usedPorts.size, 0);
    assert.equal(removePod(nodeInfo, pod), false);
  });
  it("counts each controller's pods, leaving out terminating ones", () => {
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true };
    const terminating = makePod('c', { owner });
    terminating.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
    const nodeInfo = newNodeInfo(makeNode('n'), [
      makePod('a', { owner }),
      makePod('b', { owner }),
      terminating,
      makePod('bare'),
    ]);
    assert.deepEqual([...nodeInfo.controllerPods], [['rs-1', 2]]);
    removePod(nodeInfo, makePod('a', { owner }));
    removePod(nodeInfo, makePod('b', { owner }));
    assert.equal(nodeInfo.controllerPods.size, 0);
  });
  it('an assumed pod carries the node name and counts like a bound one', () => {
    const nodeInfo = newNodeInfo(makeNode('n'));
    addPod(nodeInfo, assumedPod(makePod('a', { cpu: '1' }), 'n'));
    assert.equal(nodeInfo.pods[0]?.spec.nodeName, 'n');
    assert.equal(nodeInfo.requested.milliCpu, 1000);
  });
});

describe('host port conflicts', () => {
  const used = new Set(
    hostPortKeys(
      makePod('a', {
        ports: [
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 53, hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' },
        ],
      }),
    ),
  );
  const cases: Array<[string, string, boolean]> = [
    ['the same port on every address collides', '0.0.0.0/TCP/8080', true],
    ['a specific address collides with a port bound on every address', '10.0.0.2/TCP/8080', true],
    ['another protocol on the same port is free', '0.0.0.0/UDP/8080', false],
    ['every address collides with a port bound on one address', '0.0.0.0/UDP/53', true],
    ['another address is free when the port is bound on one', '10.0.0.2/UDP/53', false],
    ['the same address and port collide', '10.0.0.1/UDP/53', true],
    ['another port is free', '0.0.0.0/TCP/9090', false],
  ];
  for (const [name, wanted, expected] of cases) it(name, () => assert.equal(hasPortConflict(used, wanted), expected));
  it('a container port without a host port uses no node port', () =>
    assert.deepEqual(hostPortKeys(makePod('b', { ports: [{ containerPort: 80 }] })), []));
});
