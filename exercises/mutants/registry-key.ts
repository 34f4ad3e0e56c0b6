// Wrong solutions of the exercise registry-key: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/store/registry-keys.ts';
const NamespacedKey = 'return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/${name}`;';
const KeyParameters = 'namespace: string | undefined, name: string)';
const NamespacedPrefix =
  'if (resource.namespaced && namespace) return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/`;';

export const registryKeyMutants: Mutant[] = [
  {
    id: 'no-namespace-segment',
    exercise: 'registry-key',
    mistake: 'leaves the namespace out of a namespaced key, so one name in two namespaces is one key',
    edits: [{ file: File, find: NamespacedKey, replace: 'return `${RegistryRoot}/${resource.etcdPrefix}/${name}`;' }],
  },
  {
    id: 'name-before-namespace',
    exercise: 'registry-key',
    mistake: 'puts the name before the namespace: /registry/<prefix>/<name>/<namespace>',
    edits: [
      {
        file: File,
        find: NamespacedKey,
        replace: 'return `${RegistryRoot}/${resource.etcdPrefix}/${name}/${namespace}`;',
      },
    ],
  },
  {
    id: 'prefix-without-slash',
    exercise: 'registry-key',
    mistake: "a namespace's list prefix has no trailing slash, so namespace `team` also lists `team2`",
    edits: [
      {
        file: File,
        find: NamespacedPrefix,
        replace: 'if (resource.namespaced && namespace) return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}`;',
      },
    ],
  },
  {
    id: 'list-ignores-namespace',
    exercise: 'registry-key',
    mistake: 'a list always reads the prefix of every namespace, even when it names one',
    edits: [{ file: File, find: `  ${NamespacedPrefix}\n`, replace: '' }],
  },
  {
    id: 'plural-resource-name',
    exercise: 'registry-key',
    mistake: 'uses the plural resource name instead of the etcd prefix: services, nodes, not services/specs, minions',
    edits: [
      {
        file: File,
        find: `export function objectKey(resource: KeyedResource, ${KeyParameters}: string {\n`,
        replace:
          `export function objectKey(keyed: KeyedResource, ${KeyParameters}: string {\n` +
          '  const resource = { ...keyed, etcdPrefix: (keyed as KeyedResource & { resource: string }).resource };\n',
      },
      {
        file: File,
        find: 'export function listPrefix(resource: KeyedResource, namespace?: string): string {\n',
        replace:
          'export function listPrefix(keyed: KeyedResource, namespace?: string): string {\n' +
          '  const resource = { ...keyed, etcdPrefix: (keyed as KeyedResource & { resource: string }).resource };\n',
      },
    ],
  },
  {
    id: 'cluster-scoped-as-namespaced',
    exercise: 'registry-key',
    mistake: 'builds every key with a namespace segment, so a node lands under /registry/minions/undefined/',
    edits: [
      {
        file: File,
        find: `  if (resource.namespaced) {
    if (!namespace) throw new Error(\`objectKey: namespaced resource \${resource.etcdPrefix} needs a namespace\`);
    ${NamespacedKey}
  }
  return \`\${RegistryRoot}/\${resource.etcdPrefix}/\${name}\`;`,
        replace: `  ${NamespacedKey}`,
      },
    ],
  },
];
