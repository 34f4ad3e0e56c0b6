// Wrong solutions of the exercise registry-key: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('registry-key', 'impl/store/registry-keys.ts');

const NamespacedKey = 'return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/${name}`;';
const KeyParameters = 'namespace: string | undefined, name: string)';
const NamespacedPrefix =
  'if (resource.namespaced && namespace) return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}/`;';

export const registryKeyMutants: Mutant[] = [
  mutant(
    'no-namespace-segment',
    'leaves the namespace out of a namespaced key, so one name in two namespaces is one key',
    [NamespacedKey, 'return `${RegistryRoot}/${resource.etcdPrefix}/${name}`;'],
  ),
  mutant('name-before-namespace', 'puts the name before the namespace: /registry/<prefix>/<name>/<namespace>', [
    NamespacedKey,
    'return `${RegistryRoot}/${resource.etcdPrefix}/${name}/${namespace}`;',
  ]),
  mutant(
    'prefix-without-slash',
    "a namespace's list prefix has no trailing slash, so namespace `team` also lists `team2`",
    [
      NamespacedPrefix,
      'if (resource.namespaced && namespace) return `${RegistryRoot}/${resource.etcdPrefix}/${namespace}`;',
    ],
  ),
  mutant('list-ignores-namespace', 'a list always reads the prefix of every namespace, even when it names one', [
    `  ${NamespacedPrefix}\n`,
    '',
  ]),
  mutant(
    'plural-resource-name',
    'uses the plural resource name instead of the etcd prefix: services, nodes, not services/specs, minions',
    [
      `export function objectKey(resource: KeyedResource, ${KeyParameters}: string {\n`,
      `export function objectKey(keyed: KeyedResource, ${KeyParameters}: string {\n` +
        '  const resource = { ...keyed, etcdPrefix: (keyed as KeyedResource & { resource: string }).resource };\n',
    ],
    [
      'export function listPrefix(resource: KeyedResource, namespace?: string): string {\n',
      'export function listPrefix(keyed: KeyedResource, namespace?: string): string {\n' +
        '  const resource = { ...keyed, etcdPrefix: (keyed as KeyedResource & { resource: string }).resource };\n',
    ],
  ),
  mutant(
    'cluster-scoped-as-namespaced',
    'builds every key with a namespace segment, so a node lands under /registry/minions/undefined/',
    [
      `  if (resource.namespaced) {
    if (!namespace) throw new Error(\`objectKey: namespaced resource \${resource.etcdPrefix} needs a namespace\`);
    ${NamespacedKey}
  }
  return \`\${RegistryRoot}/\${resource.etcdPrefix}/\${name}\`;`,
      `  ${NamespacedKey}`,
    ],
  ),
  mutant(
    'or-for-and',
    'joins the two conditions of a list prefix with ||, so a list of every namespace reads ' +
      'the prefix of namespace undefined',
    [
      NamespacedPrefix,
      NamespacedPrefix.replace('resource.namespaced && namespace', 'resource.namespaced || namespace'),
    ],
  ),
];
