import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindSchema } from './openapi-spec.js';
import { findResource } from './resources.js';
import { dropUnknownFields, type Schema } from './unknown-fields.js';

/** The walk against Kubernetes' imported schema of a resource kubelab serves. */
function unknownIn(group: string, resource: string, object: Record<string, unknown>): string[] {
  const info = findResource(group, 'v1', resource);
  const found = info && kindSchema(info);
  assert.ok(found, `no schema for ${resource}`);
  return dropUnknownFields(found.schema, found.schemas, object);
}

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { any: 'thing' } },
  spec: { containers: [{ name: 'c', image: 'kubelab/echo', ports: [{ containerPort: 80 }] }] },
  status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
});

describe('unknown fields against the imported schemas', () => {
  it('a pod with only known fields has none, and is left as it was', () => {
    const object = pod();
    assert.deepEqual(unknownIn('', 'pods', object), []);
    assert.deepEqual(object, pod());
  });

  it('names a field by its path, and drops it', () => {
    const object = { ...pod(), spec: { ...pod().spec, foo: 1 } };
    assert.deepEqual(unknownIn('', 'pods', object), ['spec.foo']);
    assert.deepEqual(object, pod());
  });

  it('indexes list items the way the decoder does', () => {
    const object = pod();
    Object.assign(object.spec.containers[0] ?? {}, { imagePullPolicyy: 'Always' });
    assert.deepEqual(unknownIn('', 'pods', object), ['spec.containers[0].imagePullPolicyy']);
  });

  it('checks metadata, but not the keys of labels, annotations or data', () => {
    const object = { ...pod(), metadata: { ...pod().metadata, colour: 'blue' } };
    assert.deepEqual(unknownIn('', 'pods', object), ['metadata.colour']);
    const configMap = { metadata: { name: 'c' }, data: { 'any-key': 'v' }, foo: 'bar' };
    assert.deepEqual(unknownIn('', 'configmaps', configMap), ['foo']);
  });

  it('lists every unknown field in the order they appear', () => {
    const object = { foo: 1, ...pod(), status: { phase: 'Pending', bar: 2 } };
    assert.deepEqual(unknownIn('', 'pods', object), ['foo', 'status.bar']);
  });

  it('follows a deployment down into its pod template', () => {
    const deployment = {
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', bogus: true }] } },
      },
    };
    assert.deepEqual(unknownIn('apps', 'deployments', deployment), ['spec.template.spec.containers[0].bogus']);
  });

  it('takes any value for int-or-string and quantity fields', () => {
    const object = pod();
    Object.assign(object.spec.containers[0] ?? {}, { resources: { requests: { cpu: '100m', memory: 64 } } });
    assert.deepEqual(unknownIn('', 'pods', object), []);
  });
});

describe('the walk on schemas of its own', () => {
  const schemas: Record<string, Schema> = {
    Free: { 'x-kubernetes-preserve-unknown-fields': true },
    Entry: { properties: { weight: {} } },
  };
  const schema: Schema = {
    properties: {
      free: { allOf: [{ $ref: '#/components/schemas/Free' }] },
      entries: { additionalProperties: { $ref: '#/components/schemas/Entry' } },
      list: { items: { $ref: '#/components/schemas/Entry' } },
    },
  };

  it('lets anything stand below x-kubernetes-preserve-unknown-fields', () => {
    assert.deepEqual(dropUnknownFields(schema, schemas, { free: { a: { b: 1 } } }), []);
  });

  it('walks map values with additionalProperties, naming them by key', () => {
    const value = { entries: { one: { weight: 1, height: 2 } }, list: [{}, { width: 3 }] };
    assert.deepEqual(dropUnknownFields(schema, schemas, value), ['entries.one.height', 'list[1].width']);
    assert.deepEqual(value, { entries: { one: { weight: 1 } }, list: [{}, {}] });
  });
});
