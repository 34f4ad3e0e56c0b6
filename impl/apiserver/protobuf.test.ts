import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../client/types.js';
import { StatusError } from './errors.js';
import { decodeProtobufBody, isProtobufContentType } from './protobuf.js';
import { messages, protobufKinds, scalarTypes } from './protobuf-schema.js';

// Bodies recorded from kubectl 1.32; the expected JSON is `kubectl create ... --dry-run=client -o json`.
const recorded: Array<[string, string, JsonObject]> = [
  [
    'kubectl create namespace x',
    '6b3873000a0f0a02763112094e616d65737061636512190a110a017812001a0022002a0032003800420012001a020a001a002200',
    { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null }, spec: {}, status: {} },
  ],
  [
    'kubectl create configmap b --from-file=blob=b.dat --from-literal=t=x (binary file)',
    '6b3873000a0f0a0276311209436f6e6669674d617012290a110a016212001a0022002a0032003800420012060a01741201781a0c' +
      '0a04626c6f621204686900ff1a002200',
    {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'b', creationTimestamp: null },
      data: { t: 'x' },
      binaryData: { blob: 'aGkA/w==' },
    },
  ],
  [
    'kubectl create deployment d --image=nginx --replicas=2 --port=80',
    '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412b0010a1b0a016412001a0022002a003200380042005a080a' +
      '036170701201641282010802120a0a080a036170701201641a6a0a1a0a0012001a0022002a003200380042005a080a0361707012' +
      '0164124c122e0a056e67696e7812056e67696e782a00320a0a001000185022002a0042006a007200800100880100900100a20100' +
      '1a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a00' +
      '2200',
    deployment('d', 2, { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }),
  ],
  [
    'kubectl create deployment z --image=busybox --replicas=0 -- sleep 3600 (replicas 0 survives)',
    '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412b5010a1b0a017a12001a0022002a003200380042005a080a' +
      '0361707012017a1287010800120a0a080a0361707012017a1a6f0a1a0a0012001a0022002a003200380042005a080a0361707012' +
      '017a125112330a0762757379626f78120762757379626f781a05736c6565701a04333630302a0042006a00720080010088010090' +
      '0100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c080010001800200028' +
      '0038001a002200',
    deployment('z', 0, { name: 'busybox', image: 'busybox', command: ['sleep', '3600'], resources: {} }),
  ],
  [
    'kubectl create service clusterip s --tcp=80:8080',
    '6b3873000a0d0a02763112075365727669636512630a1b0a017312001a0022002a003200380042005a080a036170701201731240' +
      '0a1b0a0738302d38303830120354435018502207080010903f1a00280012080a036170701201731a002209436c75737465724950' +
      '3a00420052005a00600068001a020a001a002200',
    {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 's', creationTimestamp: null, labels: { app: 's' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 's' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
  ],
];

function deployment(name: string, replicas: number, container: JsonObject): JsonObject {
  const labels = { app: name };
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, creationTimestamp: null, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers: [container] } },
      strategy: {},
    },
    status: {},
  };
}

describe('bodies recorded from kubectl', () => {
  for (const [name, hex, expected] of recorded) {
    // Compared as text, so the key order (the Go struct's) is checked too.
    it(name, () => assert.equal(JSON.stringify(decodeProtobufBody(Buffer.from(hex, 'hex'))), JSON.stringify(expected)));
  }
});

// A tiny encoder, enough to write test bodies by hand.
type Bytes = number[];
function varint(value: number | bigint): Bytes {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: Bytes = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return out;
}
const number = (field: number, value: number | bigint): Bytes => [...varint(field * 8), ...varint(value)];
const bytes = (field: number, payload: Bytes | string): Bytes => {
  const content = typeof payload === 'string' ? [...Buffer.from(payload)] : payload;
  return [...varint(field * 8 + 2), ...varint(content.length), ...content];
};
const message = (field: number, ...fields: Bytes[]): Bytes => bytes(field, fields.flat());
const entry = (field: number, key: string, value: Bytes | string): Bytes =>
  message(field, bytes(1, key), bytes(2, value));
function body(apiVersion: string, kind: string, ...fields: Bytes[]): Buffer {
  return Buffer.from([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...message(1, bytes(1, apiVersion), bytes(2, kind)),
    ...message(2, ...fields),
  ]);
}

describe('decoding the wire format', () => {
  const cases: Array<[string, Buffer, JsonObject]> = [
    [
      'a pointer field keeps its zero, an omitempty one drops it',
      body('apps/v1', 'Deployment', message(2, number(1, 0), number(5, 0), number(7, 0), number(6, 10))),
      { spec: { replicas: 0, revisionHistoryLimit: 10 } },
    ],
    [
      'immutable: false comes through, empty strings do not',
      body('v1', 'ConfigMap', message(1, bytes(1, 'c'), bytes(2, '')), number(4, 0)),
      { metadata: { name: 'c' }, immutable: false },
    ],
    [
      'a negative int32 is ten bytes on the wire',
      body('v1', 'Pod', message(2, number(25, -1))),
      { spec: { priority: -1 } },
    ],
    [
      'packed and unpacked repeated int64 both become arrays',
      body('v1', 'Pod', message(2, message(14, bytes(4, [...varint(1000), ...varint(2000)]), number(4, 3000)))),
      { spec: { securityContext: { supplementalGroups: [1000, 2000, 3000] } } },
    ],
    [
      'IntOrString of type 1 is a string, Quantity its string',
      body(
        'v1',
        'Pod',
        message(
          2,
          message(
            2,
            bytes(1, 'app'),
            message(10, message(1, message(2, message(2, number(1, 1), bytes(3, 'http'))))),
            message(8, entry(2, 'cpu', bytes(1, '250m')), entry(1, 'memory', bytes(1, '1Gi'))),
          ),
        ),
      ),
      {
        spec: {
          containers: [
            {
              name: 'app',
              resources: { limits: { memory: '1Gi' }, requests: { cpu: '250m' } },
              livenessProbe: { httpGet: { port: 'http' } },
            },
          ],
        },
      },
    ],
    [
      'Time is whole seconds in RFC 3339, an empty Time is null, MicroTime has microseconds',
      body(
        'coordination.k8s.io/v1',
        'Lease',
        message(1, message(8), message(9, number(1, 1704067200), number(2, 5))),
        message(2, message(4, number(1, 1704067200), number(2, 123456789)), number(5, 0)),
      ),
      {
        metadata: { creationTimestamp: null, deletionTimestamp: '2024-01-01T00:00:00Z' },
        spec: { renewTime: '2024-01-01T00:00:00.123456Z', leaseTransitions: 0 },
      },
    ],
    [
      'unknown fields of every wire type are skipped',
      body(
        'v1',
        'Namespace',
        number(9, 7),
        [...varint(10 * 8 + 1), 1, 2, 3, 4, 5, 6, 7, 8],
        bytes(11, 'x'),
        [...varint(12 * 8 + 5), 1, 2, 3, 4],
        message(1, bytes(1, 'ns')),
      ),
      { metadata: { name: 'ns' } },
    ],
    [
      "embedded structs are inlined: the volume source and the key selector's name",
      body(
        'v1',
        'Pod',
        message(
          2,
          message(1, bytes(1, 'cfg'), message(2, message(19, message(1, bytes(1, 'settings'))))),
          message(
            2,
            bytes(1, 'app'),
            message(7, bytes(1, 'MODE'), message(3, message(3, message(1, bytes(1, 'settings')), bytes(2, 'mode')))),
          ),
        ),
      ),
      {
        spec: {
          volumes: [{ name: 'cfg', configMap: { name: 'settings' } }],
          containers: [
            { name: 'app', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] },
          ],
        },
      },
    ],
    [
      'a map entry without a value gets the zero value',
      body('v1', 'ConfigMap', message(2, bytes(1, 'empty'))),
      { data: { empty: '' } },
    ],
    [
      'a map key named __proto__ stays a plain key',
      body('v1', 'ConfigMap', entry(2, '__proto__', 'x')),
      JSON.parse('{"data":{"__proto__":"x"}}') as JsonObject,
    ],
    [
      'fields sent out of order come out in the Go struct order',
      body(
        'v1',
        'Node',
        message(2, message(5, bytes(1, 'k'), bytes(3, 'NoSchedule')), number(4, 1), bytes(1, '10.0.0.0/24')),
      ),
      { spec: { podCIDR: '10.0.0.0/24', unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] } },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const { kind: _kind, apiVersion: _apiVersion, ...object } = decodeProtobufBody(input);
      assert.equal(JSON.stringify(object), JSON.stringify(expected));
    });
  }
});

describe('bad bodies are a 400 BadRequest, never a crash', () => {
  const cmKey = [0x0a, 0x0f, ...bytes(1, 'v1'), ...bytes(2, 'ConfigMap')];
  const cases: Array<[string, Buffer, RegExp]> = [
    [
      'JSON sent with the protobuf content type',
      Buffer.from('{"kind":"ConfigMap"}'),
      /unrecognized: provided data does not appear to be a protobuf message/,
    ],
    [
      'a body cut inside the envelope',
      body('v1', 'ConfigMap', bytes(1, 'x')).subarray(0, 10),
      /^the object provided is unrecognized: unexpected EOF$/,
    ],
    [
      'a length running past the end',
      Buffer.from([0x6b, 0x38, 0x73, 0, ...cmKey, 0x12, 0x03, 0x0a, 0x09, 0x61]),
      /ConfigMap in version "v1" cannot be handled as a ConfigMap: unexpected EOF/,
    ],
    [
      'a varint that never ends',
      Buffer.from([0x6b, 0x38, 0x73, 0, ...cmKey, 0x12, 0x0b, ...Array(11).fill(0xff)]),
      /proto: integer overflow/,
    ],
    ['field number zero', body('v1', 'ConfigMap', [0x00, 0x00]), /proto: ConfigMap: illegal tag 0 \(wire type 0\)/],
    ['the deprecated group wire type', body('v1', 'ConfigMap', [...varint(9 * 8 + 3)]), /proto: illegal wireType 3/],
    [
      'a known field with the wrong wire type',
      body('v1', 'ConfigMap', number(1, 5)),
      /proto: wrong wireType = 0 for field metadata/,
    ],
    [
      'a time beyond year 9999',
      body('v1', 'Namespace', message(1, message(8, number(1, 300_000_000_000)))),
      /year outside of range/,
    ],
    ['a kind with no schema', body('v1', 'Secret'), /no kind "Secret" is registered for version "v1"/],
    ['an envelope without a kind', body('v1', ''), /Object 'Kind' is missing/],
  ];
  for (const [name, input, message] of cases) {
    it(name, () => {
      assert.throws(
        () => decodeProtobufBody(input),
        (error: unknown) => {
          assert.ok(error instanceof StatusError);
          assert.equal(error.code, 400);
          assert.equal(error.reason, 'BadRequest');
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('the schema table', () => {
  it('names only messages it defines', () => {
    for (const [name, rows] of Object.entries(messages)) {
      for (const [, field, type] of rows)
        assert.ok(scalarTypes.includes(type) || type in messages, `${name}.${field}: ${type}`);
    }
  });
  it('uses each field number and JSON name once per message', () => {
    for (const [name, rows] of Object.entries(messages)) {
      const numbers = rows.map(([number]) => number);
      const names = rows.map(([, field]) => field).filter((field) => field !== '');
      assert.equal(new Set(numbers).size, numbers.length, `${name}: duplicate field number`);
      assert.equal(new Set(names).size, names.length, `${name}: duplicate JSON name`);
    }
  });
  it('maps every kind to a message', () => {
    for (const [kind, name] of Object.entries(protobufKinds)) assert.ok(name in messages, kind);
  });
});

describe('the protobuf content type', () => {
  const cases: Array<[string, string | undefined, boolean]> = [
    ['the bare media type', 'application/vnd.kubernetes.protobuf', true],
    ['with parameters and another case', 'Application/Vnd.Kubernetes.Protobuf; charset=binary', true],
    ['JSON', 'application/json', false],
    ['no header', undefined, false],
  ];
  for (const [name, contentType, expected] of cases)
    it(name, () => assert.equal(isProtobufContentType(contentType), expected));
});
