// Wrong solutions of the exercise create-if-absent: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('create-if-absent', 'impl/store/store.ts');

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
  mutant('put-without-compare', 'puts the object without any compare, so a create overwrites an object that exists', [
    Transaction,
    `    const result = await this.etcd.put(key).value(encodeObject(object)).exec();
`,
  ]),
  mutant(
    'read-then-put',
    'reads the key, then puts if it was absent: two steps, so two clients can both create the name',
    [
      Transaction,
      `    const found = firstKv((await this.etcd.get(key).exec()).kvs);
    if (found) throw new KeyExistsError(key, decodeObject(found.value, found.mod_revision));
    const result = await this.etcd.put(key).value(encodeObject(object)).exec();
`,
    ],
  ),
  mutant(
    'existing-object-returned',
    'when the key is taken, returns the object stored there as if the create had succeeded',
    [
      '      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));\n',
      '      if (existing) return decodeObject(existing.value, existing.mod_revision);\n',
    ],
  ),
  mutant(
    'outcome-ignored',
    "commits the transaction but never looks at whether its compare held: every create 'succeeds'",
    [
      `    if (!result.succeeded) {
      const existing = firstKv(result.responses[0]?.response_range?.kvs);
      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));
    }
`,
      '',
    ],
  ),
  mutant(
    'wrong-error',
    'reports a taken key as KeyNotFoundError, so the client reads 404 NotFound instead of 409 AlreadyExists',
    [
      '      throw new KeyExistsError(key, existing && decodeObject(existing.value, existing.mod_revision));\n',
      '      throw new KeyNotFoundError(key);\n',
    ],
  ),
  mutant(
    'no-resource-version',
    'returns the object as it was sent, without the resourceVersion its write got from etcd',
    ['    return withRevision(object, result.header.revision);\n', '    return object;\n'],
  ),
];
