// Wrong solutions of the exercise create-if-absent: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('create-if-absent', 'impl/store/store.ts');

const Transaction = `    const result = await this.etcd
      .if(key, 'Mod', '==', 0)
      .then(this.etcd.put(key).value(encodeObject(object)))
      .commit();
    if (!result.succeeded) throw new KeyExistsError(key);
`;
const Refusal = '    if (!result.succeeded) throw new KeyExistsError(key);\n';

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
    if (found) throw new KeyExistsError(key);
    const result = await this.etcd.put(key).value(encodeObject(object)).exec();
`,
    ],
  ),
  mutant(
    'existing-object-returned',
    'when the key is taken, returns the object stored there as if the create had succeeded',
    [
      Refusal,
      `    if (!result.succeeded) {
      const existing = firstKv((await this.etcd.get(key).exec()).kvs);
      if (existing) return decodeObject(existing.value, existing.mod_revision);
    }
`,
    ],
  ),
  mutant(
    'outcome-ignored',
    "commits the transaction but never looks at whether its compare held: every create 'succeeds'",
    [Refusal, ''],
  ),
  mutant(
    'wrong-error',
    'reports a taken key as KeyNotFoundError, so the client reads 404 NotFound instead of 409 AlreadyExists',
    [Refusal, '    if (!result.succeeded) throw new KeyNotFoundError(key);\n'],
  ),
  mutant(
    'no-resource-version',
    'returns the object as it was sent, without the resourceVersion its write got from etcd',
    ['    return withRevision(object, result.header.revision);\n', '    return object;\n'],
  ),
];
