import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitErrorMessage, NoteLengthLimit, truncateMessage } from './fit-error.js';
import { newStatus } from './framework/status.js';

const controlPlane = newStatus(
  'UnschedulableAndUnresolvable',
  'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
);
const noCpu = newStatus('Unschedulable', 'Insufficient cpu');

describe('the FailedScheduling message (FitError.Error, Kubernetes 1.32)', () => {
  const cases: Array<[string, Parameters<typeof fitErrorMessage>[0], string]> = [
    [
      'reasons are counted per node and sorted as strings',
      { numAllNodes: 3, nodeStatuses: [noCpu, controlPlane, controlPlane] },
      '0/3 nodes are available: 1 Insufficient cpu, ' +
        '2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    ],
    [
      'sorting is by the whole string, count first',
      { numAllNodes: 3, nodeStatuses: [controlPlane, noCpu, noCpu] },
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
        '2 Insufficient cpu.',
    ],
    [
      'a node with two reasons counts in both',
      { numAllNodes: 1, nodeStatuses: [newStatus('Unschedulable', 'Insufficient cpu', 'Insufficient memory')] },
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.',
    ],
    [
      'the preemption message follows after a space, with no extra period',
      {
        numAllNodes: 1,
        nodeStatuses: [noCpu],
        postFilterMessage: 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      },
      '0/1 nodes are available: 1 Insufficient cpu. ' +
        'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ],
    [
      'a PreFilter rejection replaces the histogram',
      { numAllNodes: 3, nodeStatuses: [noCpu], preFilterMessage: 'pod has unbound immediate PersistentVolumeClaims' },
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
    ],
  ];
  for (const [name, error, expected] of cases) it(name, () => assert.equal(fitErrorMessage(error), expected));
});

describe('truncating a message for an event', () => {
  it('keeps a short message', () => assert.equal(truncateMessage('short'), 'short'));
  it('cuts a long one to the limit, ending in " ..."', () => {
    const cut = truncateMessage('x'.repeat(2000));
    assert.equal(cut.length, NoteLengthLimit);
    assert.ok(cut.endsWith('x ...'));
  });
});
