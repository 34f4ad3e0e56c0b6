import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_NODE_COUNT, parseStartOptions } from './start-options.js';

describe('how many nodes npm start creates', () => {
  it('creates two unless told otherwise', () => {
    assert.deepEqual(parseStartOptions([], {}), { nodeCount: DEFAULT_NODE_COUNT });
  });

  it('takes the flag, in either form, over npm_config_nodes and KUBELAB_NODES', () => {
    assert.equal(parseStartOptions(['--nodes=3'], { npm_config_nodes: '4', KUBELAB_NODES: '5' }).nodeCount, 3);
    assert.equal(parseStartOptions(['--nodes', '0'], { KUBELAB_NODES: '5' }).nodeCount, 0);
    assert.equal(parseStartOptions([], { npm_config_nodes: '4', KUBELAB_NODES: '5' }).nodeCount, 4);
    assert.equal(parseStartOptions([], { KUBELAB_NODES: '5' }).nodeCount, 5);
  });

  it('refuses a bad count, saying what was given and the form that works', () => {
    for (const bad of ['two', '-1', '1.5', '', '101']) {
      const expected = new RegExp(`--nodes must be a whole number from 0 to 100, not "${bad}"; usage: npm start`);
      assert.throws(() => parseStartOptions([`--nodes=${bad}`], {}), expected);
    }
    assert.throws(() => parseStartOptions([], { KUBELAB_NODES: 'many' }), /KUBELAB_NODES must be a whole number/);
    assert.throws(() => parseStartOptions(['--nodes'], {}), /--nodes needs a count/);
    assert.throws(() => parseStartOptions(['--node=2'], {}), /unknown argument "--node=2"/);
  });
});
