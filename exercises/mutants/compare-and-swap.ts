// Wrong solutions of the exercise compare-and-swap: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/store/store.ts';
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
  {
    id: 'no-compare',
    exercise: 'compare-and-swap',
    mistake: 'reads, lets tryUpdate change the object and puts it, with no compare: a write in between is lost',
    edits: [
      {
        file: File,
        find: `      const result = await this.etcd
${Compare}        .else(this.etcd.get(key))
        .commit();
      if (result.succeeded) return withRevision(updated, result.header.revision);
      kv = firstKv(result.responses[0]?.response_range?.kvs);
`,
        replace: `      const result = await this.etcd.put(key).value(value).exec();
      return withRevision(updated, result.header.revision);
`,
      },
    ],
  },
  {
    id: 'compare-create-revision',
    exercise: 'compare-and-swap',
    mistake: "compares the key's create_revision, which no update changes, so the compare always holds",
    edits: [
      {
        file: File,
        find: Compare,
        replace: Compare.replace("'Mod', '==', kv.mod_revision", "'Create', '==', kv.create_revision"),
      },
    ],
  },
  {
    id: 'no-retry',
    exercise: 'compare-and-swap',
    mistake: 'gives up when the compare fails instead of retrying on the value etcd returned',
    edits: [
      {
        file: File,
        find:
          '      if (result.succeeded) return withRevision(updated, result.header.revision);\n' +
          '      kv = firstKv(result.responses[0]?.response_range?.kvs);\n',
        replace:
          '      if (result.succeeded) return withRevision(updated, result.header.revision);\n' +
          '      throw new Error(`update of ${key} lost a race`);\n',
      },
    ],
  },
  {
    id: 'retry-stale-object',
    exercise: 'compare-and-swap',
    mistake: 'runs tryUpdate once and, after a lost race, writes that same object on the fresh revision',
    edits: [
      {
        file: File,
        find: Loop,
        replace: `    let kv = await this.readKey(key);
    if (!kv) throw new KeyNotFoundError(key);
    const current = decodeObject(kv.value, kv.mod_revision);
    const updated = await tryUpdate(structuredClone(current));
    const value = encodeObject(updated);
    for (;;) {
      if (!kv) throw new KeyNotFoundError(key);
`,
      },
    ],
  },
  {
    id: 'no-op-written',
    exercise: 'compare-and-swap',
    mistake: 'writes an update that changes nothing, so its resourceVersion moves and watchers hear of it',
    edits: [{ file: File, find: '      if (isSameObject(updated, current)) return current;\n', replace: '' }],
  },
  {
    id: 'missing-not-not-found',
    exercise: 'compare-and-swap',
    mistake: 'throws a plain Error when the key is missing, so the client reads 500 instead of 404 NotFound',
    edits: [
      {
        file: File,
        find: `      if (!kv) throw new KeyNotFoundError(key);\n${Decode}`,
        replace: `      if (!kv) throw new Error(\`no key \${key}\`);\n${Decode}`,
      },
    ],
  },
];
