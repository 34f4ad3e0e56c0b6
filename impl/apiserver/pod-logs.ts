// GET pods/{name}/log: the API server asks the pod's kubelet, and passes its answer on.
//
// "kubectl logs is one of the few calls that go from the API server to a component." The API
// server holds no logs: it picks the container (the only one, or the one named), finds the
// node the pod is bound to and that node's kubelet (its address and daemonEndpoints port), and
// streams GET /containerLogs/{namespace}/{pod}/{container} from it, options and all. The
// kubelet's refusals (a container still waiting, no previous container) come back as a 400.
// kubelab simplifies: plain HTTP to the kubelet; kube-apiserver uses HTTPS with a client
// certificate. Real Kubernetes: pkg/registry/core/pod/strategy.go (LogLocation),
// pkg/registry/core/pod/rest/log.go, apiserver/pkg/registry/generic/rest/streamer.go.

import { get, type IncomingMessage } from 'node:http';
import type { JsonObject, KubeObject } from '../client/types.js';
import { badRequest, StatusError } from './errors.js';
import type { ResourceRequest } from './handlers.js';
import { findResource } from './resources.js';

/** The options the kubelet is given, as PodLogOptions names them. */
const ForwardedOptions = ['follow', 'previous', 'timestamps', 'sinceSeconds', 'sinceTime', 'tailLines', 'limitBytes'];
/** kubeadm's --kubelet-preferred-address-types. */
const PreferredAddressTypes = ['InternalIP', 'ExternalIP', 'Hostname'];
const DefaultKubeletPort = 10250;

// #region pod-log
export async function handlePodLog({ info, request, url, registry, http, response }: ResourceRequest): Promise<void> {
  const name = request.name ?? '';
  const pod = await registry.get(info, request.namespace, name);
  const container = chooseContainer(pod, url.searchParams.get('container') ?? '');
  const nodeName = pod.spec?.nodeName;
  if (typeof nodeName !== 'string' || nodeName === '') {
    // Not bound to a node yet: no kubelet has its log, and the answer is empty.
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end();
    return;
  }
  const nodes = findResource('', 'v1', 'nodes');
  if (!nodes) throw new Error('pod logs: the nodes resource is not served');
  const node = await registry.get(nodes, undefined, nodeName);
  const query = new URLSearchParams();
  for (const option of ForwardedOptions) {
    const value = url.searchParams.get(option);
    if (value !== null) query.set(option, value);
  }
  const path = [pod.metadata.namespace ?? '', name, container].map(encodeURIComponent).join('/');
  const location = `http://${kubeletHost(node)}/containerLogs/${path}?${query}`;
  const answer = await ask(location);
  if (answer.statusCode !== 200) throw await refusal(answer);
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  http.on('close', () => answer.destroy());
  answer.pipe(response);
  await new Promise<void>((resolve) => {
    answer.on('close', resolve);
    answer.on('error', resolve);
  });
}

// #endregion pod-log

/** The container the request means: the one named, or the pod's only one. */
export function chooseContainer(pod: KubeObject, requested: string): string {
  const names = (field: string) =>
    (Array.isArray(pod.spec?.[field]) ? (pod.spec[field] as JsonObject[]) : []).map((c) => String(c.name));
  const [containers, initContainers] = [names('containers'), names('initContainers')];
  const name = pod.metadata.name;
  if (requested !== '') {
    if (containers.includes(requested) || initContainers.includes(requested)) return requested;
    throw badRequest(`container ${requested} is not valid for pod ${name}`);
  }
  if (containers.length === 1) return containers[0] ?? '';
  if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
  const choose = `choose one of: [${containers.join(' ')}]`;
  const inits = initContainers.length > 0 ? ` or one of the init containers: [${initContainers.join(' ')}]` : '';
  throw badRequest(`a container name must be specified for pod ${name}, ${choose}${inits}`);
}

/** `<address>:<port>` of the node's kubelet. */
export function kubeletHost(node: KubeObject): string {
  const addresses = (node.status?.addresses ?? []) as Array<{ type: string; address: string }>;
  const address = PreferredAddressTypes.map((type) => addresses.find((a) => a.type === type)).find(Boolean);
  if (!address) throw new StatusError(500, '', `no preferred addresses found; known addresses: []`);
  const endpoints = node.status?.daemonEndpoints as { kubeletEndpoint?: { Port?: number } } | undefined;
  return `${address.address}:${endpoints?.kubeletEndpoint?.Port ?? DefaultKubeletPort}`;
}

function ask(location: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(location, resolve).on('error', (error) =>
      // As kube-apiserver words a failed dial: the Go client's error, with no reason.
      reject(new StatusError(500, '', `Get "${location}": ${error.message}`)),
    );
  });
}

/** The kubelet's refusal, as the API server passes it on (GenericHttpResponseChecker). */
async function refusal(answer: IncomingMessage): Promise<StatusError> {
  let text = '';
  for await (const chunk of answer) text += String(chunk);
  if (answer.statusCode === 400) return badRequest(text);
  if (answer.statusCode === 404) return new StatusError(404, 'NotFound', text);
  return new StatusError(answer.statusCode ?? 500, 'InternalError', `Internal error occurred: ${text}`);
}
