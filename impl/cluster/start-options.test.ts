import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_NODE_COUNT, parseStartOptions } from './start-options.js';

describe('how many nodes npm start creates', () => {
  it('starts two real workers and no simulated node unless told otherwise', () => {
    const defaults = { nodeCount: DEFAULT_NODE_COUNT, simulatedNodeCount: 0, kubeadm: false };
    assert.deepEqual(parseStartOptions([], {}), defaults);
  });

  it('takes the flag, in either form, over npm_config_nodes and KUBELAB_NODES', () => {
    assert.equal(parseStartOptions(['--nodes=3'], { npm_config_nodes: '4', KUBELAB_NODES: '5' }).nodeCount, 3);
    assert.equal(parseStartOptions(['--nodes', '0'], { KUBELAB_NODES: '5' }).nodeCount, 0);
    assert.equal(parseStartOptions([], { npm_config_nodes: '4', KUBELAB_NODES: '5' }).nodeCount, 4);
    assert.equal(parseStartOptions([], { KUBELAB_NODES: '5' }).nodeCount, 5);
  });

  it('counts simulated nodes apart, in the same three forms', () => {
    assert.deepEqual(parseStartOptions(['--simulated-nodes=30', '--nodes=1'], {}), {
      nodeCount: 1,
      simulatedNodeCount: 30,
      kubeadm: false,
    });
    assert.equal(parseStartOptions([], { npm_config_simulated_nodes: '4' }).simulatedNodeCount, 4);
    assert.equal(parseStartOptions([], { KUBELAB_SIMULATED_NODES: '7' }).simulatedNodeCount, 7);
  });

  it('lays the control plane out as kubeadm does when asked, by the flag, npm or the variable', () => {
    assert.equal(parseStartOptions(['--kubeadm', '--nodes=1'], {}).kubeadm, true);
    assert.equal(parseStartOptions([], { npm_config_kubeadm: 'true' }).kubeadm, true);
    assert.equal(parseStartOptions([], { KUBELAB_KUBEADM: '1' }).kubeadm, true);
    assert.equal(parseStartOptions([], { KUBELAB_KUBEADM: '0' }).kubeadm, false);
    assert.throws(() => parseStartOptions(['--kubeadm=yes'], {}), /unknown argument "--kubeadm=yes"/);
    assert.throws(() => parseStartOptions(['--kubeadm', '--simulated-nodes=2'], {}), /runs only without --kubeadm/);
  });

  it('refuses a bad count, saying what was given and the form that works', () => {
    for (const bad of ['two', '-1', '1.5', '', '11']) {
      const expected = new RegExp(`--nodes must be a whole number from 0 to 10, not "${bad}"; usage: npm start`);
      assert.throws(() => parseStartOptions([`--nodes=${bad}`], {}), expected);
    }
    assert.throws(() => parseStartOptions(['--simulated-nodes=101'], {}), /from 0 to 100, not "101"/);
    assert.throws(() => parseStartOptions([], { KUBELAB_NODES: 'many' }), /KUBELAB_NODES must be a whole number/);
    assert.throws(() => parseStartOptions(['--nodes'], {}), /--nodes needs a count/);
    assert.throws(() => parseStartOptions(['--node=2'], {}), /unknown argument "--node=2"/);
  });
});
