// Wrong solutions of the exercise least-allocated-score: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('least-allocated-score', 'impl/scheduler/plugins/node-resources-fit.ts');

const ResourceScore =
  '      requested > allocatable ? 0 : integerDivide((allocatable - requested) * MaxNodeScore, allocatable);\n';
const NodeScore = '  return weightSum === 0 ? 0 : integerDivide(nodeScore, weightSum);\n';

export const leastAllocatedScoreMutants: Mutant[] = [
  mutant(
    'fractional-scores',
    "divides with JavaScript's /, keeping the fractions Kubernetes' integer division drops",
    [ResourceScore, '      requested > allocatable ? 0 : ((allocatable - requested) * MaxNodeScore) / allocatable;\n'],
    [NodeScore, '  return weightSum === 0 ? 0 : nodeScore / weightSum;\n'],
  ),
  mutant(
    'rounded-scores',
    'rounds to the nearest integer where Kubernetes truncates',
    [
      ResourceScore,
      '      requested > allocatable ? 0 : Math.round(((allocatable - requested) * MaxNodeScore) / allocatable);\n',
    ],
    [NodeScore, '  return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);\n'],
  ),
  mutant('overcommit-scores-below-zero', 'lets a resource requested beyond allocatable score below 0 instead of 0', [
    ResourceScore,
    '      integerDivide((allocatable - requested) * MaxNodeScore, allocatable);\n',
  ]),
  mutant(
    'used-share-not-free-share',
    'scores the share already requested rather than the share left free, so fuller nodes win',
    [ResourceScore, '      requested > allocatable ? 0 : integerDivide(requested * MaxNodeScore, allocatable);\n'],
  ),
  mutant(
    'divides-before-scaling',
    'divides by allocatable before multiplying by MaxNodeScore, so the integer share is 0 on any used node',
    [
      ResourceScore,
      '      requested > allocatable ? 0 : integerDivide(allocatable - requested, allocatable) * MaxNodeScore;\n',
    ],
  ),
  mutant('sum-not-mean', "adds the resources' weighted scores without dividing by the sum of the weights", [
    NodeScore,
    '  return weightSum === 0 ? 0 : nodeScore;\n',
  ]),
];
