// Wrong solutions of the exercise fits: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('fits', 'impl/scheduler/plugins/node-resources-fit.ts');

const CpuCheck = '  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu) {\n';
const MemoryCheck = '  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) {\n';
const PodCheck = '  if (nodeInfo.pods.length + 1 > allocatable.pods) {\n';
const MemoryBlock = `${MemoryCheck}    insufficient.push({
      resourceName: 'memory',
      reason: ReasonInsufficientMemory,
      requested: request.memory,
      used: requested.memory,
      capacity: allocatable.memory,
    });
  }
`;
const PodBlock = `${PodCheck}    insufficient.push({
      resourceName: 'pods',
      reason: ReasonTooManyPods,
      requested: 1,
      used: nodeInfo.pods.length,
      capacity: allocatable.pods,
    });
  }
`;

export const fitsMutants: Mutant[] = [
  mutant('nothing-is-insufficient', 'returns no failures at all, so every pod fits every node', [
    '  const { allocatable, requested } = nodeInfo;\n',
    '  const { allocatable, requested } = nodeInfo;\n  return insufficient;\n',
  ]),
  mutant('memory-ignored', 'checks cpu and the pod count but never memory', [MemoryBlock, '']),
  mutant(
    'full-is-not-room',
    'compares with >=, so a pod that would fill a node exactly does not fit (an off-by-one)',
    [PodCheck, PodCheck.replace(' > ', ' >= ')],
    [CpuCheck, CpuCheck.replace(/ > allocatable/, ' >= allocatable')],
    [MemoryCheck, MemoryCheck.replace(/ > allocatable/, ' >= allocatable')],
  ),
  mutant(
    'placed-requests-ignored',
    "compares the pod's requests with the node's allocatable, forgetting what its pods already request",
    [CpuCheck, CpuCheck.replace(' - requested.milliCpu', '')],
    [MemoryCheck, MemoryCheck.replace(' - requested.memory', '')],
  ),
  mutant('pod-limit-ignored', 'checks cpu and memory but not whether the node has room for one more pod', [
    PodBlock,
    '',
  ]),
  mutant(
    'first-shortfall-only',
    'returns at the first shortfall, so a node short of several things reports only one',
    [
      '      capacity: allocatable.pods,\n    });\n',
      '      capacity: allocatable.pods,\n    });\n    return insufficient;\n',
    ],
    [
      '      capacity: allocatable.milliCpu,\n    });\n',
      '      capacity: allocatable.milliCpu,\n    });\n    return insufficient;\n',
    ],
  ),
  mutant(
    'pod-slots-one-short',
    'counts the pod slots with >=, so a node never takes the pod that would fill its last slot',
    [PodCheck, PodCheck.replace(' > ', ' >= ')],
  ),
  mutant(
    'unrequested-resource-checked',
    'checks cpu and memory even when the pod asks for none, so a node over-committed on cpu ' +
      'refuses a pod that asks for memory only',
    [CpuCheck, CpuCheck.replace('request.milliCpu > 0 && ', '')],
    [MemoryCheck, MemoryCheck.replace('request.memory > 0 && ', '')],
  ),
];
