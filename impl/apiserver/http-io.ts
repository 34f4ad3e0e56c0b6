// Reading request bodies and writing responses, the way the API server's codecs do.
//
// "Bad input gets a Status, never a crash." Bodies are JSON or YAML (kubectl sends JSON, a
// learner with curl may send either), or protobuf from kubectl's generator commands (see
// protobuf.ts); anything that does not decode into an object is a
// 400 BadRequest that says why, and a body over the size limit is refused before it is read.
//
// Real Kubernetes: apiserver/pkg/endpoints/handlers/rest.go (limitedReadBody) and the
// serializers in apimachinery/pkg/runtime/serializer.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { JsonValue } from '../client/types.js';
import { badRequest, StatusError } from './errors.js';
import { decodeProtobufBody, isProtobufContentType } from './protobuf.js';

/** The largest body the API server accepts (3 MiB, like kube-apiserver's default limit). */
export const MaxRequestBodyBytes = 3 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MaxRequestBodyBytes) {
      throw new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MaxRequestBodyBytes}`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

// #region decode-body
export function decodeBody(body: Buffer, contentType: string | undefined): JsonValue {
  const text = body.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  if (isProtobufContentType(contentType)) return decodeProtobufBody(body);
  const isYaml = contentType?.includes('yaml') ?? false;
  try {
    return (isYaml ? parseYaml(text) : JSON.parse(text)) as JsonValue;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badRequest(
      isYaml ? `error converting YAML to JSON: ${reason}` : `couldn't get version/kind; json parse error: ${reason}`,
    );
  }
}
// #endregion decode-body

export function writeJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export function writeStatusError(response: ServerResponse, error: StatusError): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  writeJson(response, error.code, error.status);
}
