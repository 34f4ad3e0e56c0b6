import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dns1035LabelMessage, Dns1123LabelMessage, Dns1123SubdomainMessage, nameErrors } from './validation.js';

describe('name rules per resource', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['a pod name may contain dots', 'pods', 'web.v1', []],
    ['a pod name may not contain capitals', 'pods', 'Web', [Dns1123SubdomainMessage]],
    ['a namespace name may not contain dots', 'namespaces', 'a.b', [Dns1123LabelMessage]],
    ['a service name may not start with a digit', 'services', '1web', [Dns1035LabelMessage]],
    ['a namespace name is at most 63 characters', 'namespaces', 'a'.repeat(64), ['must be no more than 63 characters']],
  ];
  for (const [name, resource, value, expected] of cases)
    it(name, () => assert.deepEqual(nameErrors(resource, value), expected));
});
