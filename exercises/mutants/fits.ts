// Wrong solutions of the exercise fits: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/scheduler/plugins/node-resources-fit.ts';

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
  {
    id: 'nothing-is-insufficient',
    exercise: 'fits',
    mistake: 'returns no failures at all, so every pod fits every node',
    edits: [
      {
        file: File,
        find: '  const { allocatable, requested } = nodeInfo;\n',
        replace: '  const { allocatable, requested } = nodeInfo;\n  return insufficient;\n',
      },
    ],
  },
  {
    id: 'memory-ignored',
    exercise: 'fits',
    mistake: 'checks cpu and the pod count but never memory',
    edits: [{ file: File, find: MemoryBlock, replace: '' }],
  },
  {
    id: 'full-is-not-room',
    exercise: 'fits',
    mistake: 'compares with >=, so a pod that would fill a node exactly does not fit (an off-by-one)',
    edits: [
      { file: File, find: PodCheck, replace: PodCheck.replace(' > ', ' >= ') },
      { file: File, find: CpuCheck, replace: CpuCheck.replace(/ > allocatable/, ' >= allocatable') },
      { file: File, find: MemoryCheck, replace: MemoryCheck.replace(/ > allocatable/, ' >= allocatable') },
    ],
  },
  {
    id: 'placed-requests-ignored',
    exercise: 'fits',
    mistake: "compares the pod's requests with the node's allocatable, forgetting what its pods already request",
    edits: [
      { file: File, find: CpuCheck, replace: CpuCheck.replace(' - requested.milliCpu', '') },
      { file: File, find: MemoryCheck, replace: MemoryCheck.replace(' - requested.memory', '') },
    ],
  },
  {
    id: 'pod-limit-ignored',
    exercise: 'fits',
    mistake: 'checks cpu and memory but not whether the node has room for one more pod',
    edits: [{ file: File, find: PodBlock, replace: '' }],
  },
  {
    id: 'first-shortfall-only',
    exercise: 'fits',
    mistake: 'returns at the first shortfall, so a node short of several things reports only one',
    edits: [
      {
        file: File,
        find: '      capacity: allocatable.pods,\n    });\n',
        replace: '      capacity: allocatable.pods,\n    });\n    return insufficient;\n',
      },
      {
        file: File,
        find: '      capacity: allocatable.milliCpu,\n    });\n',
        replace: '      capacity: allocatable.milliCpu,\n    });\n    return insufficient;\n',
      },
    ],
  },
];
