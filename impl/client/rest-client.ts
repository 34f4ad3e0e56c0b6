// The REST client every component and every test uses to talk to the API server.
//
// "Components never share memory or a database: they call the API server's REST API." The
// client turns a resource reference into a URL (/api/v1/namespaces/default/pods/nginx or
// /apis/apps/v1/...), sends JSON, and turns a Status body back into an ApiError that carries
// the code, reason and message the server sent, so callers branch on `reason`, not on text.
//
// Real Kubernetes: client-go's rest.RESTClient and the typed clientsets built on it.

import { Agent, request } from 'undici';
import type { JsonValue, KubeList, KubeObject, Status, WatchEvent } from './types.js';

export interface ResourceRef {
  group?: string;
  version?: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface RawResponse {
  code: number;
  body: string;
}

/** An error answer from the API server, with its Status intact. */
export class ApiError extends Error {
  constructor(
    readonly status: Status,
    readonly method: string,
    readonly path: string,
  ) {
    super(`${method} ${path}: ${status.code} ${status.reason ?? ''}: ${status.message ?? ''}`);
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

/**
 * How long opening a connection may take. On the cluster's network a connection opens in
 * milliseconds; one that hangs was sent to an API server that is going away (a restart gives
 * its container a new network), and a prompt error lets the caller's retry reach the new one,
 * where undici's default of 10 s would keep the component deaf that long.
 */
const ConnectTimeoutMs = 2_000;

export class RestClient {
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    private readonly userAgent = 'kubelab-client',
    connections = 64,
  ) {
    this.agent = new Agent({ connections, keepAliveTimeout: 30_000, connect: { timeout: ConnectTimeoutMs } });
  }

  // #region resource-path
  /** The URL path of a resource: core resources under /api, the rest under /apis/<group>. */
  static pathFor(ref: ResourceRef): string {
    const version = ref.version ?? 'v1';
    const root = ref.group ? `/apis/${ref.group}/${version}` : `/api/${version}`;
    const namespace = ref.namespace ? `/namespaces/${ref.namespace}` : '';
    const name = ref.name ? `/${ref.name}` : '';
    const subresource = ref.subresource ? `/${ref.subresource}` : '';
    return `${root}${namespace}/${ref.resource}${name}${subresource}`;
  }
  // #endregion resource-path

  get<T extends KubeObject = KubeObject>(ref: ResourceRef): Promise<T> {
    return this.json<T>('GET', RestClient.pathFor(ref));
  }

  list<T extends KubeObject = KubeObject>(ref: ResourceRef, query: Record<string, string> = {}): Promise<KubeList<T>> {
    return this.json<KubeList<T>>('GET', withQuery(RestClient.pathFor(ref), query));
  }

  create<T extends KubeObject = KubeObject>(ref: ResourceRef, object: T | KubeObject): Promise<T> {
    return this.json<T>('POST', RestClient.pathFor(ref), object);
  }

  update<T extends KubeObject = KubeObject>(ref: ResourceRef, object: T | KubeObject): Promise<T> {
    return this.json<T>('PUT', RestClient.pathFor({ ...ref, name: ref.name ?? object.metadata.name }), object);
  }

  patch<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    patch: JsonValue,
    type: 'merge' | 'strategic' | 'json' = 'merge',
  ): Promise<T> {
    const contentType = {
      merge: 'application/merge-patch+json',
      strategic: 'application/strategic-merge-patch+json',
      json: 'application/json-patch+json',
    }[type];
    return this.json<T>('PATCH', RestClient.pathFor(ref), patch, contentType);
  }

  delete(ref: ResourceRef, options: JsonValue = {}): Promise<KubeObject | Status> {
    return this.json<KubeObject | Status>('DELETE', RestClient.pathFor(ref), options);
  }

  /** Any request, answered as it came: for tests of bad input and for the raw door. */
  async raw(method: string, path: string, body?: string, contentType = 'application/json'): Promise<RawResponse> {
    const response = await request(new URL(path, this.baseUrl), {
      method: method as 'GET',
      dispatcher: this.agent,
      headers: { 'content-type': contentType, accept: 'application/json', 'user-agent': this.userAgent },
      body,
    });
    return { code: response.statusCode, body: await response.body.text() };
  }

  // #region watch
  /**
   * Opens a watch and calls `onEvent` for each line of the stream. Resolves when the stream
   * ends (server timeout, ERROR, or `stop`), so callers decide whether to resume.
   */
  async watch<T = KubeObject>(
    ref: ResourceRef,
    query: Record<string, string>,
    onEvent: (event: WatchEvent<T>) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const path = withQuery(RestClient.pathFor(ref), { ...query, watch: 'true' });
    const response = await request(new URL(path, this.baseUrl), {
      method: 'GET',
      dispatcher: this.agent,
      headers: { accept: 'application/json', 'user-agent': this.userAgent },
      signal,
    });
    if (response.statusCode !== 200) throw new ApiError(JSON.parse(await response.body.text()) as Status, 'GET', path);
    let buffered = '';
    try {
      for await (const chunk of response.body) {
        buffered += (chunk as Buffer).toString('utf8');
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line !== '') onEvent(JSON.parse(line) as WatchEvent<T>);
          newline = buffered.indexOf('\n');
        }
      }
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
  }
  // #endregion watch

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async json<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const response = await this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), contentType);
    const parsed = response.body === '' ? {} : (JSON.parse(response.body) as unknown);
    if (response.code >= 400) throw new ApiError(parsed as Status, method, path);
    return parsed as T;
  }
}

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
