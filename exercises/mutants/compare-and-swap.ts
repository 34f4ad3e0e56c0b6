// Wrong solutions of the exercise compare-and-swap: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('compare-and-swap', 'impl/store/store.ts');

const Compare = "        .if(key, 'Mod', '==', kv.mod_revision)\n        .then(this.etcd.put(key).value(value))\n";
// Only the update's loop decodes and then calls tryUpdate; delete's calls check.
const Decode = '      const current = decodeObject(kv.value, kv.mod_revision);\n      const updated';
const Loop = `    let kv = await this.readKey(key);
    for (;;) {
      if (!kv) throw new KeyNotFoundError(key);
      const current = decodeObject(kv.value, kv.mod_revision);
      const updated = await tryUpdate(structuredClone(current));
      const value = encodeObject(updated);
`;

export const compareAndSwapMutants: Mutant[] = [
  mutant(
    'no-compare',
    'reads, lets tryUpdate change the object and puts it, with no compare: a write in between is lost',
    [
      `      const result = await this.etcd
${Compare}        .else(this.etcd.get(key))
        .commit();
      if (result.succeeded) return withRevision(updated, result.header.revision);
      kv = firstKv(result.responses[0]?.response_range?.kvs);
`,
      `      const result = await this.etcd.put(key).value(value).exec();
      return withRevision(updated, result.header.revision);
`,
    ],
  ),
  mutant(
    'compare-create-revision',
    "compares the key's create_revision, which no update changes, so the compare always holds",
    [Compare, Compare.replace("'Mod', '==', kv.mod_revision", "'Create', '==', kv.create_revision")],
  ),
  mutant('no-retry', 'gives up when the compare fails instead of retrying on the value etcd returned', [
    '      if (result.succeeded) return withRevision(updated, result.header.revision);\n' +
      '      kv = firstKv(result.responses[0]?.response_range?.kvs);\n',
    '      if (result.succeeded) return withRevision(updated, result.header.revision);\n' +
      '      throw new Error(`update of ${key} lost a race`);\n',
  ]),
  mutant(
    'retry-stale-object',
    'runs tryUpdate once and, after a lost race, writes that same object on the fresh revision',
    [
      Loop,
      `    let kv = await this.readKey(key);
    if (!kv) throw new KeyNotFoundError(key);
    const current = decodeObject(kv.value, kv.mod_revision);
    const updated = await tryUpdate(structuredClone(current));
    const value = encodeObject(updated);
    for (;;) {
      if (!kv) throw new KeyNotFoundError(key);
`,
    ],
  ),
  mutant(
    'no-op-written',
    'writes an update that changes nothing, so its resourceVersion moves and watchers hear of it',
    ['      if (isSameObject(updated, current)) return current;\n', ''],
  ),
  mutant(
    'missing-not-not-found',
    'throws a plain Error when the key is missing, so the client reads 500 instead of 404 NotFound',
    [
      `      if (!kv) throw new KeyNotFoundError(key);\n${Decode}`,
      `      if (!kv) throw new Error(\`no key \${key}\`);\n${Decode}`,
    ],
  ),
];
