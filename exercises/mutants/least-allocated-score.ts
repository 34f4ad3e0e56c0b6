// Wrong solutions of the exercise least-allocated-score: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/scheduler/plugins/node-resources-fit.ts';

const ResourceScore =
  '      requested > allocatable ? 0 : integerDivide((allocatable - requested) * MaxNodeScore, allocatable);\n';
const NodeScore = '  return weightSum === 0 ? 0 : integerDivide(nodeScore, weightSum);\n';

export const leastAllocatedScoreMutants: Mutant[] = [
  {
    id: 'fractional-scores',
    exercise: 'least-allocated-score',
    mistake: "divides with JavaScript's /, keeping the fractions Kubernetes' integer division drops",
    edits: [
      {
        file: File,
        find: ResourceScore,
        replace: '      requested > allocatable ? 0 : ((allocatable - requested) * MaxNodeScore) / allocatable;\n',
      },
      { file: File, find: NodeScore, replace: '  return weightSum === 0 ? 0 : nodeScore / weightSum;\n' },
    ],
  },
  {
    id: 'rounded-scores',
    exercise: 'least-allocated-score',
    mistake: 'rounds to the nearest integer where Kubernetes truncates',
    edits: [
      {
        file: File,
        find: ResourceScore,
        replace:
          '      requested > allocatable ? 0 : Math.round(((allocatable - requested) * MaxNodeScore) / allocatable);\n',
      },
      { file: File, find: NodeScore, replace: '  return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);\n' },
    ],
  },
  {
    id: 'overcommit-scores-below-zero',
    exercise: 'least-allocated-score',
    mistake: 'lets a resource requested beyond allocatable score below 0 instead of 0',
    edits: [
      {
        file: File,
        find: ResourceScore,
        replace: '      integerDivide((allocatable - requested) * MaxNodeScore, allocatable);\n',
      },
    ],
  },
  {
    id: 'used-share-not-free-share',
    exercise: 'least-allocated-score',
    mistake: 'scores the share already requested rather than the share left free, so fuller nodes win',
    edits: [
      {
        file: File,
        find: ResourceScore,
        replace: '      requested > allocatable ? 0 : integerDivide(requested * MaxNodeScore, allocatable);\n',
      },
    ],
  },
  {
    id: 'divides-before-scaling',
    exercise: 'least-allocated-score',
    mistake: 'divides by allocatable before multiplying by MaxNodeScore, so the integer share is 0 on any used node',
    edits: [
      {
        file: File,
        find: ResourceScore,
        replace:
          '      requested > allocatable ? 0 : integerDivide(allocatable - requested, allocatable) * MaxNodeScore;\n',
      },
    ],
  },
  {
    id: 'sum-not-mean',
    exercise: 'least-allocated-score',
    mistake: "adds the resources' weighted scores without dividing by the sum of the weights",
    edits: [{ file: File, find: NodeScore, replace: '  return weightSum === 0 ? 0 : nodeScore;\n' }],
  },
];
