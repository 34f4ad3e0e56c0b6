// Decoding Kubernetes protobuf request bodies into the JSON object the JSON codec would give.
//
// "kubectl speaks protobuf to the API server": its generator commands (`kubectl create
// deployment|service|configmap|namespace`) send `application/vnd.kubernetes.protobuf`. The body
// is the magic `k8s\0` and a runtime.Unknown envelope {typeMeta, raw}; `raw` is the object's own
// message. A wire reader walks (field number, wire type) pairs; protobuf-schema.ts names them.
//
// kubelab simplifies: requests only (responses stay JSON, which kubectl also accepts), a subset
// of fields (unknown field numbers are skipped), no groups. Real Kubernetes: apimachinery
// pkg/runtime/serializer/protobuf/protobuf.go, and the generated.pb.go of each k8s.io/api group.

import type { JsonObject, JsonValue } from '../client/types.js';
import { badRequest } from './errors.js';
import { type FieldRow, messages, protobufKinds, scalarTypes } from './protobuf-schema.js';

export const ProtobufContentType = 'application/vnd.kubernetes.protobuf';
/** "k8s" and a zero byte: the prefix of every Kubernetes protobuf body. */
export const ProtobufMagic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

// The Go decoders' own wording (gogo-generated Unmarshal, protobuf.go, transformDecodeError).
export const NotProtobufMessage =
  'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]';
export const UnexpectedEofMessage = 'unexpected EOF';
export const IntegerOverflowMessage = 'proto: integer overflow';
export const NegativeLengthMessage = 'proto: negative length found during unmarshaling';
export const UnrecognizedObjectMessage = 'the object provided is unrecognized';
export const KindMissingMessage = "Object 'Kind' is missing in the protobuf envelope";

const WireVarint = 0;
const WireFixed64 = 1;
const WireLengthDelimited = 2;
const WireFixed32 = 5;

/** A malformed body: the decoder's internal error, turned into a 400 by decodeProtobufBody. */
class WireFormatError extends Error {}

export function isProtobufContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === ProtobufContentType;
}

// #region decode-protobuf-body
/** The object in a protobuf request body, as JSON: `kind` and `apiVersion` first, like the Go JSON. */
export function decodeProtobufBody(body: Buffer): JsonObject {
  // 1. Every Kubernetes protobuf body starts with the magic; anything else is not ours.
  if (body.length < ProtobufMagic.length || !body.subarray(0, ProtobufMagic.length).equals(ProtobufMagic)) {
    throw badRequest(`${UnrecognizedObjectMessage}: ${NotProtobufMessage}`);
  }
  // 2. The runtime.Unknown envelope says which type `raw` holds.
  const envelope = decodeOrReject(body.subarray(ProtobufMagic.length), 'Unknown', UnrecognizedObjectMessage);
  const typeMeta = (envelope.typeMeta ?? {}) as JsonObject;
  const apiVersion = String(typeMeta.apiVersion ?? '');
  const kind = String(typeMeta.kind ?? '');
  // Real Kubernetes: a missing kind or version is defaulted from the URL; kubelab's decoder doesn't see it.
  if (kind === '') throw badRequest(KindMissingMessage);
  // 3. Only the kinds in the schema table can be read: the field numbers mean nothing without it.
  const messageName = protobufKinds[`${apiVersion}/${kind}`];
  if (!messageName) {
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "impl/apiserver/protobuf-schema.ts"`,
    );
  }
  // 4. Decode the object itself; a failure names the kind, as the API server's create handler does.
  const version = apiVersion.split('/').pop() ?? '';
  const raw = Buffer.from(String(envelope.raw ?? ''), 'base64');
  const object = decodeOrReject(raw, messageName, `${kind} in version "${version}" cannot be handled as a ${kind}`);
  return { kind, apiVersion, ...object };
}
// #endregion decode-protobuf-body

function decodeOrReject(bytes: Uint8Array, messageName: string, context: string): JsonObject {
  try {
    return decodeMessage(bytes, messageName) as JsonObject;
  } catch (error) {
    if (error instanceof WireFormatError) throw badRequest(`${context}: ${error.message}`);
    throw error;
  }
}

/** Reads the four wire types of the protobuf encoding from a byte array. */
class WireReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get isDone(): boolean {
    return this.offset >= this.bytes.length;
  }

  /** Base 128: seven bits per byte, low bits first, the top bit says "more follows". */
  readVarint(): bigint {
    let value = 0n;
    for (let index = 0; index < 10; index++) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new WireFormatError(UnexpectedEofMessage);
      value |= BigInt(byte & 0x7f) << BigInt(7 * index);
      if ((byte & 0x80) === 0) return value;
    }
    throw new WireFormatError(IntegerOverflowMessage);
  }

  /** A key is `fieldNumber << 3 | wireType`. */
  readKey(messageName: string): { fieldNumber: number; wireType: number } {
    const key = this.readVarint();
    const fieldNumber = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (fieldNumber <= 0)
      throw new WireFormatError(`proto: ${messageName}: illegal tag ${fieldNumber} (wire type ${wireType})`);
    return { fieldNumber, wireType };
  }

  readLengthDelimited(): Uint8Array {
    const length = BigInt.asIntN(64, this.readVarint());
    if (length < 0n) throw new WireFormatError(NegativeLengthMessage);
    return this.take(length);
  }

  /** Skips a field the schema doesn't know: the wire type alone says how long it is. */
  skip(wireType: number): void {
    if (wireType === WireVarint) this.readVarint();
    else if (wireType === WireFixed64) this.take(8n);
    else if (wireType === WireLengthDelimited) this.readLengthDelimited();
    else if (wireType === WireFixed32) this.take(4n);
    // Real Kubernetes: skipGenerated also walks the deprecated group wire types 3 and 4; no k8s type uses them.
    else throw new WireFormatError(`proto: illegal wireType ${wireType}`);
  }

  private take(length: bigint): Uint8Array {
    if (length > BigInt(this.bytes.length - this.offset)) throw new WireFormatError(UnexpectedEofMessage);
    const start = this.offset;
    this.offset += Number(length);
    return this.bytes.subarray(start, this.offset);
  }
}

/** One message: read every field, then lay them out in schema order and apply the JSON form. */
function decodeMessage(bytes: Uint8Array, messageName: string): JsonValue {
  const rows = messages[messageName];
  if (!rows) throw new Error(`decodeMessage: no schema for message ${messageName}`);
  const values = new Map<number, JsonValue>();
  const reader = new WireReader(bytes);
  while (!reader.isDone) {
    const { fieldNumber, wireType } = reader.readKey(messageName);
    const row = rows.find(([number]) => number === fieldNumber);
    if (row) readField(reader, wireType, row, values);
    else reader.skip(wireType);
  }
  const object = layOut(rows, values);
  const jsonForm = jsonForms[messageName];
  return jsonForm ? jsonForm(object) : object;
}

function readField(reader: WireReader, wireType: number, row: FieldRow, values: Map<number, JsonValue>): void {
  const [number, name, type, mode] = row;
  if (mode === 'map') {
    expectWireType(wireType, WireLengthDelimited, name);
    const [key, value] = readMapEntry(reader.readLengthDelimited(), type);
    const map = (values.get(number) ?? {}) as JsonObject;
    // Not `map[key] =`: a key "__proto__" must stay a plain entry, as JSON.parse keeps it.
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
    values.set(number, map);
  } else if (mode === 'repeated') {
    const list = (values.get(number) ?? []) as JsonValue[];
    list.push(...readRepeated(reader, wireType, type, name));
    values.set(number, list);
  } else {
    values.set(number, readValue(reader, wireType, type, name));
  }
}

/** Fields come out in the order of the table (the Go struct's), whatever order they came in. */
function layOut(rows: readonly FieldRow[], values: Map<number, JsonValue>): JsonObject {
  const object: JsonObject = {};
  for (const [number, name, type, mode = 'omitempty'] of rows) {
    const value = values.get(number);
    if (value === undefined) continue;
    if (mode === 'inline') Object.assign(object, value as JsonObject);
    else if (mode === 'omitempty' && scalarTypes.includes(type) && isZero(value)) continue;
    else object[name] = value;
  }
  return object;
}

/** A map entry is a small message: key = 1, value = 2. A missing part is its zero value. */
function readMapEntry(bytes: Uint8Array, valueType: string): [string, JsonValue] {
  const reader = new WireReader(bytes);
  let key = '';
  let value: JsonValue | undefined;
  while (!reader.isDone) {
    const { fieldNumber, wireType } = reader.readKey('map entry');
    if (fieldNumber === 1) key = String(readValue(reader, wireType, 'string', 'key'));
    else if (fieldNumber === 2) value = readValue(reader, wireType, valueType, 'value');
    else reader.skip(wireType);
  }
  return [key, value ?? zeroValue(valueType)];
}

/** Repeated numbers may also come packed: one length-delimited run of varints. */
function readRepeated(reader: WireReader, wireType: number, type: string, name: string): JsonValue[] {
  const isNumeric = type === 'int32' || type === 'int64' || type === 'bool';
  if (!isNumeric || wireType !== WireLengthDelimited) return [readValue(reader, wireType, type, name)];
  const packed = new WireReader(reader.readLengthDelimited());
  const items: JsonValue[] = [];
  while (!packed.isDone) items.push(fromVarint(packed.readVarint(), type));
  return items;
}

function readValue(reader: WireReader, wireType: number, type: string, name: string): JsonValue {
  if (type === 'int32' || type === 'int64' || type === 'bool') {
    expectWireType(wireType, WireVarint, name);
    return fromVarint(reader.readVarint(), type);
  }
  expectWireType(wireType, WireLengthDelimited, name);
  const bytes = reader.readLengthDelimited();
  if (type === 'string') return Buffer.from(bytes).toString('utf8');
  if (type === 'bytes') return Buffer.from(bytes).toString('base64');
  return decodeMessage(bytes, type);
}

/** Types whose Go MarshalJSON writes something other than an object of their fields. */
const jsonForms: Record<string, (fields: JsonObject) => JsonValue> = {
  // intstr.IntOrString: type 0 is an int, type 1 a string.
  IntOrString: (fields) => (fields.type === 1 ? (fields.strVal ?? '') : (fields.intVal ?? 0)),
  // resource.Quantity travels as its canonical string, "500m" or "1Gi".
  Quantity: (fields) => fields.string ?? '0',
  // metav1.Time keeps whole seconds (the server drops nanos); a zero Time is an empty message, JSON null.
  Time: (fields) => formatTime(fields, false),
  // metav1.MicroTime keeps microseconds: 2024-01-01T00:00:00.000000Z.
  MicroTime: (fields) => formatTime(fields, true),
  // metav1.FieldsV1 (managedFields) holds raw JSON bytes.
  FieldsV1: (fields) => parseFieldsV1(String(fields.Raw ?? '')),
};

function formatTime(fields: JsonObject, hasMicroseconds: boolean): JsonValue {
  if (fields.seconds === undefined && fields.nanos === undefined) return null;
  const seconds = Number(fields.seconds ?? 0);
  const nanos = Number(fields.nanos ?? 0);
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999)
    throw new WireFormatError(`Time.MarshalJSON: year outside of range [0,9999]`);
  const base = date.toISOString().slice(0, 19);
  if (!hasMicroseconds) return `${base}Z`;
  const micros = Math.min(Math.max(Math.floor(nanos / 1000), 0), 999_999);
  return `${base}.${String(micros).padStart(6, '0')}Z`;
}

function parseFieldsV1(base64: string): JsonValue {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new WireFormatError(`FieldsV1 holds invalid JSON: ${text.slice(0, 30)}`);
  }
}

function fromVarint(value: bigint, type: string): JsonValue {
  if (type === 'bool') return value !== 0n;
  // Negative int32s are sign-extended to ten bytes on the wire; keep the low 32 bits.
  return Number(BigInt.asIntN(type === 'int32' ? 32 : 64, value));
}

function expectWireType(actual: number, expected: number, field: string): void {
  if (actual !== expected) throw new WireFormatError(`proto: wrong wireType = ${actual} for field ${field}`);
}

function isZero(value: JsonValue): boolean {
  return value === '' || value === 0 || value === false;
}

function zeroValue(type: string): JsonValue {
  if (type === 'int32' || type === 'int64') return 0;
  if (type === 'bool') return false;
  if (type === 'string' || type === 'bytes') return '';
  return decodeMessage(new Uint8Array(0), type);
}
