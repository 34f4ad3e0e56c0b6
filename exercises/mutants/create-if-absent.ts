// Wrong solutions of the exercise create-if-absent: see mutant.ts.

import type { Mutant } from './mutant.js';

const File = 'impl/store/store.ts';
const Transaction = `    const result = await this.etcd
      .if(key, 'Mod', '==', 0)
      .then(this.etcd.put(key).value(encodeObject(object)))
      .else(this.etcd.get(key))
      .commit();
    if (!result.succeeded) {
      const existing = firstKv(result.responses[0]?.response_range?.kvs);
      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));
    }
`;

export const createIfAbsentMutants: Mutant[] = [
  {
    id: 'put-without-compare',
    exercise: 'create-if-absent',
    mistake: 'puts the object without any compare, so a create overwrites an object that exists',
    edits: [
      {
        file: File,
        find: Transaction,
        replace: `    const result = await this.etcd.put(key).value(encodeObject(object)).exec();
`,
      },
    ],
  },
  {
    id: 'read-then-put',
    exercise: 'create-if-absent',
    mistake: 'reads the key, then puts if it was absent: two steps, so two clients can both create the name',
    edits: [
      {
        file: File,
        find: Transaction,
        replace: `    const found = firstKv((await this.etcd.get(key).exec()).kvs);
    if (found) throw new KeyExistsError(key, decodeObject(found.value, found.mod_revision));
    const result = await this.etcd.put(key).value(encodeObject(object)).exec();
`,
      },
    ],
  },
  {
    id: 'existing-object-returned',
    exercise: 'create-if-absent',
    mistake: 'when the key is taken, returns the object stored there as if the create had succeeded',
    edits: [
      {
        file: File,
        find: '      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));\n',
        replace: '      if (existing) return decodeObject(existing.value, existing.mod_revision);\n',
      },
    ],
  },
  {
    id: 'outcome-ignored',
    exercise: 'create-if-absent',
    mistake: "commits the transaction but never looks at whether its compare held: every create 'succeeds'",
    edits: [
      {
        file: File,
        find: `    if (!result.succeeded) {
      const existing = firstKv(result.responses[0]?.response_range?.kvs);
      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));
    }
`,
        replace: '',
      },
    ],
  },
  {
    id: 'wrong-error',
    exercise: 'create-if-absent',
    mistake: 'reports a taken key as KeyNotFoundError, so the client reads 404 NotFound instead of 409 AlreadyExists',
    edits: [
      {
        file: File,
        find: '      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));\n',
        replace: '      throw new KeyNotFoundError(key);\n',
      },
    ],
  },
  {
    id: 'no-resource-version',
    exercise: 'create-if-absent',
    mistake: 'returns the object as it was sent, without the resourceVersion its write got from etcd',
    edits: [
      {
        file: File,
        find: '    return withRevision(object, result.header.revision);\n',
        replace: '    return object;\n',
      },
    ],
  },
];
