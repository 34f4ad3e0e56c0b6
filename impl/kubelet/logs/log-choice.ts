// Which container's log `kubectl logs` reads, and what of it.
//
// "--previous reads the container before the last restart." A container's name stands for a
// row of containers over time (attempt 0, 1, 2...). The kubelet reads the running one, or the
// one that ended last; with `previous`, the one before. A container that has not started yet
// has no log, and the kubelet says why, from the container's waiting reason.
// Real Kubernetes: pkg/kubelet/kubelet_pods.go (validateContainerLogStatus),
// pkg/kubelet/kuberuntime/logs/logs.go (ReadLogs: tail, since, limitBytes, timestamps).

import type { ContainerView } from '../pods/container-view.js';
import type { LogEntry } from '../runtime/cri-log.js';

// #region log-container
/** The id the view gives the container to read, or the kubelet's error (a 400 Bad Request). */
export function logContainerId(
  view: ContainerView,
  podName: string,
  previous: boolean,
): { id: string } | { error: string } {
  const { name, state, lastState } = view;
  const which = `container "${name}" in pod "${podName}"`;
  const id = (containerID: string | undefined) => ({ id: (containerID ?? '').replace(/^[a-z]+:\/\//, '') });
  if (previous) {
    if (!lastState.terminated?.containerID) return { error: `previous terminated ${which} not found` };
    return id(lastState.terminated.containerID);
  }
  if (state.running) return id(view.containerID);
  if (state.terminated) return id(state.terminated.containerID);
  if (lastState.terminated) return id(lastState.terminated.containerID);
  const reason = state.waiting?.reason;
  switch (reason) {
    case undefined:
      return { error: `${which} is waiting to start - no logs yet` };
    case 'ErrImagePull':
      return { error: `${which} is waiting to start: image can't be pulled` };
    case 'ImagePullBackOff':
      return { error: `${which} is waiting to start: trying and failing to pull image` };
    default:
      return { error: `${which} is waiting to start: ${reason}` };
  }
}

// #endregion log-container

/** PodLogOptions as the kubelet gets them in its query. */
export interface LogOptions {
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  /** Only what was logged at or after this time (sinceSeconds or sinceTime). */
  since?: Date;
}

/** The entries to send, of those logged so far: since, then the last tailLines. */
export function selectEntries(entries: LogEntry[], options: LogOptions): LogEntry[] {
  const since = options.since;
  const recent = since ? entries.filter((entry) => entry.time >= since) : entries;
  return options.tailLines === undefined ? recent : recent.slice(Math.max(0, recent.length - options.tailLines));
}

/** An entry as `kubectl logs` prints it: its line, after its time with --timestamps. */
export function formatEntry(entry: LogEntry, timestamps: boolean): string {
  return `${timestamps ? `${entry.time.toISOString()} ` : ''}${entry.content}\n`;
}
