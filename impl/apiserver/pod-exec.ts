// pods/{name}/exec and /attach: the API server passes kubectl's WebSocket through to the kubelet.
//
// "kubectl exec goes to the API server, which connects to the kubelet." kubectl asks for an
// upgrade of its request to a WebSocket. The API server checks the request as any other (the
// pod, its container, the node it is bound to), then opens a connection to that node's
// kubelet, sends it the same upgrade for /exec/{namespace}/{pod}/{container} (or /attach/...),
// and from then on
// copies bytes both ways: the kubelet answers the upgrade, and the two ends speak the
// exec protocol (kubelet/exec/exec-stream.ts) through it.
// kubelab simplifies: plain TCP to the kubelet; kube-apiserver dials it over TLS.
// Real Kubernetes: pkg/registry/core/pod/rest/subresources.go (ExecREST, AttachREST),
// pkg/registry/core/pod/strategy.go (streamLocation),
// apimachinery/pkg/util/proxy/upgradeaware.go (UpgradeAwareHandler).

import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { badRequest, StatusError } from './errors.js';
import { chooseContainer, kubeletHost } from './pod-logs.js';
import { booleanParameter } from './query-parameters.js';
import type { Registry } from './registry.js';
import type { RequestInfo } from './request-info.js';
import { findResource } from './resources.js';

/** PodExecOptions' and PodAttachOptions' booleans, and the names the kubelet reads them by. */
const StreamParameters: Array<[string, string]> = [
  ['stdin', 'input'],
  ['stdout', 'output'],
  ['stderr', 'error'],
  ['tty', 'tty'],
];

/** `<host>:<port>` and path of the kubelet's exec or attach for the request. */
export async function streamLocation(
  registry: Registry,
  request: RequestInfo,
  query: URLSearchParams,
): Promise<{ host: string; path: string }> {
  const pods = findResource('', 'v1', 'pods');
  const nodes = findResource('', 'v1', 'nodes');
  if (!pods || !nodes) throw new Error('pod exec and attach: pods or nodes are not served');
  const name = request.name ?? '';
  const pod = await registry.get(pods, request.namespace, name);
  const container = chooseContainer(pod, query.get('container') ?? '');
  const nodeName = pod.spec?.nodeName;
  if (typeof nodeName !== 'string' || nodeName === '') throw badRequest(`pod ${name} does not have a host assigned`);
  const node = await registry.get(nodes, undefined, nodeName);
  const params = new URLSearchParams();
  for (const [option, kubeletName] of StreamParameters)
    if (booleanParameter(query, option)) params.set(kubeletName, '1');
  if (request.subresource === 'exec') for (const part of query.getAll('command')) params.append('command', part);
  const path = [pod.metadata.namespace ?? '', name, container].map(encodeURIComponent).join('/');
  return { host: kubeletHost(node), path: `/${request.subresource}/${path}?${params}` };
}

// #region proxy-upgrade
/**
 * Sends the client's upgrade request on to `host`, at `path`, and joins the two connections.
 * Resolves with the status the kubelet answered the upgrade with, once it has answered.
 */
export function proxyUpgrade(
  request: IncomingMessage,
  client: Duplex,
  head: Buffer,
  { host, path }: { host: string; path: string },
): Promise<number> {
  const [hostname = '', port = ''] = host.split(':');
  return new Promise((resolve, reject) => {
    const kubelet = connect(Number(port), hostname, () => {
      const headers = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        const [header, value] = [request.rawHeaders[i], request.rawHeaders[i + 1]];
        if (header?.toLowerCase() !== 'host' && header?.toLowerCase() !== 'authorization')
          headers.push(`${header}: ${value}`);
      }
      kubelet.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) kubelet.write(head);
      kubelet.once('data', (first: Buffer) => {
        // The kubelet's answer to the upgrade: its status line says whether the stream is open.
        resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(first.toString('latin1'))?.[1] ?? 502));
        client.write(first);
        kubelet.pipe(client);
        client.pipe(kubelet);
      });
    });
    kubelet.on('error', (error) => {
      reject(new StatusError(500, 'InternalError', `error dialing backend: ${error.message}`));
      client.destroy();
    });
    client.on('error', () => kubelet.destroy());
    client.on('close', () => kubelet.destroy());
    kubelet.on('close', () => client.destroy());
  });
}
// #endregion proxy-upgrade
