// GET /containerLogs/{namespace}/{pod}/{container} on the kubelet: what `kubectl logs` reads.
//
// "kubectl logs goes to the API server, which asks the kubelet of the pod's node." The
// kubelet finds the container the options mean (log-choice.ts), reads its log file, and sends
// the lines; with `follow`, it keeps sending what the container prints until it exits or the
// reader goes away.
// Real Kubernetes: pkg/kubelet/server/server.go (getContainerLogs),
// pkg/kubelet/kuberuntime/logs/logs.go (ReadLogs, which follows with fsnotify; kubelab polls).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../../client/types.js';
import type { ContainerStatus } from '../cri/runtime-service.js';
import type { ContainerView } from '../pods/container-view.js';
import { parseCriLog } from '../runtime/cri-log.js';
import { formatEntry, type LogOptions, logContainerId, selectEntries } from './log-choice.js';
import { LogTail } from './log-tail.js';

/** How often a followed log is read again for what was written since. */
const FollowPollMs = 250;

/** What the kubelet knows that a log request needs. */
export interface LogSource {
  pod(namespace: string, name: string): KubeObject | undefined;
  /** The kubelet's view of a container of the pod, as its status shows it. */
  view(pod: KubeObject, container: string): ContainerView | undefined;
  /** The runtime's status of a container: where its log is, whether it still runs. */
  container(id: string): ContainerStatus | undefined;
}

export async function serveContainerLogs(
  source: LogSource,
  [namespace = '', podName = '', containerName = '']: string[],
  query: URLSearchParams,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const pod = source.pod(namespace, podName);
  if (!pod) return fail(response, 404, `pod "${podName}" does not exist`);
  const view = source.view(pod, containerName);
  if (!view) return fail(response, 404, `container "${containerName}" not found in pod "${podName}"`);
  const chosen = logContainerId(view, podName, isSet(query, 'previous'));
  if ('error' in chosen) return fail(response, 400, chosen.error);
  const container = source.container(chosen.id);
  if (!container) return fail(response, 400, `container "${containerName}" in pod "${podName}" has no log`);
  const options = logOptions(query);

  response.writeHead(200, { 'content-type': 'text/plain' });
  let closed = false;
  request.on('close', () => {
    closed = true;
  });
  let budget = options.limitBytes ?? Number.POSITIVE_INFINITY;
  const send = (text: string): boolean => {
    const bytes = Buffer.from(text).subarray(0, budget);
    budget -= bytes.length;
    response.write(bytes);
    return budget > 0;
  };
  // What is logged so far, then what is logged since: complete lines only.
  const tail = new LogTail(container.logPath);
  const completeLines = async () => parseCriLog(await tail.completeLines());
  let more = true;
  for (const entry of selectEntries(await completeLines(), options)) {
    more = send(formatEntry(entry, options.timestamps));
    if (!more) break;
  }
  while (more && options.follow && !closed) {
    const running = source.container(chosen.id)?.state === 'CONTAINER_RUNNING';
    for (const entry of await completeLines()) {
      more = send(formatEntry(entry, options.timestamps));
      if (!more) break;
    }
    // Ended, and its last lines sent: so ends the log.
    if (!running) break;
    await new Promise((resolve) => setTimeout(resolve, FollowPollMs));
  }
  response.end();
}

function logOptions(query: URLSearchParams): LogOptions {
  const number = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
  const sinceSeconds = number('sinceSeconds');
  const sinceTime = query.get('sinceTime');
  return {
    follow: isSet(query, 'follow'),
    timestamps: isSet(query, 'timestamps'),
    tailLines: number('tailLines'),
    limitBytes: number('limitBytes'),
    since:
      sinceSeconds !== undefined
        ? new Date(Date.now() - sinceSeconds * 1000)
        : sinceTime
          ? new Date(sinceTime)
          : undefined,
  };
}

function isSet(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value !== null && value !== 'false' && value !== '0';
}

function fail(response: ServerResponse, code: number, message: string): void {
  response.writeHead(code, { 'content-type': 'text/plain' });
  response.end(message);
}
