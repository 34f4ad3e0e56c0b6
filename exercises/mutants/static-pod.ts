// Wrong solutions of the exercise static-pod: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('static-pod', 'impl/kubelet/config/static-pod.ts');

export const staticPodMutants: Mutant[] = [
  mutant('name-without-node', "keeps the manifest's name, without the node's after it, so pods of two nodes collide", [
    "  const name = `${manifest.metadata?.name ?? ''}-${nodeName.toLowerCase()}`;\n",
    "  const name = manifest.metadata?.name ?? '';\n",
  ]),
  mutant('always-default', 'puts every static pod in default, even when its manifest names another namespace', [
    "  const namespace = manifest.metadata?.namespace || 'default';\n",
    "  const namespace = 'default';\n",
  ]),
  mutant(
    'source-forgotten',
    'forgets the kubernetes.io/config.source annotation, which says the pod came from a file',
    ["        [ConfigSourceAnnotation]: 'file',\n", ''],
  ),
  mutant('hash-forgotten', 'sets the uid to the hash but forgets the kubernetes.io/config.hash annotation', [
    '        [ConfigHashAnnotation]: hash,\n',
    '',
  ]),
  mutant(
    'mirror-marked-true',
    "marks the mirror pod with kubernetes.io/config.mirror: 'true', not the static pod's hash",
    [
      '      annotations: { ...metadata.annotations, [ConfigMirrorAnnotation]: hash },\n',
      "      annotations: { ...metadata.annotations, [ConfigMirrorAnnotation]: 'true' },\n",
    ],
  ),
  mutant('mirror-not-owned', 'leaves the owner reference to the Node out of the mirror pod', [
    '      ownerReferences: [owner],\n',
    '',
  ]),
];
