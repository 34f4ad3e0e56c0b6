// Status values: how a plugin says "fits", "does not fit" or "broke".
//
// "A plugin returns a Status: Success, or a code and the reasons a learner reads in
// FailedScheduling." Statuses are plain frozen values, built only here, so comparing codes is
// the whole protocol. The message is the reasons joined by ", ", as Kubernetes prints it.
//
// kubelab keeps the error as its text only. Real Kubernetes:
// staging/src/k8s.io/kube-scheduler/framework/interface.go (Status, NewStatus, AsStatus).

import type { Status, StatusCode } from './types.js';

/** The shared Success: no reasons, no plugin. */
export const SuccessStatus: Status = Object.freeze({ code: 'Success', reasons: Object.freeze([]) });

/** A status with a code and its reasons. */
export function newStatus(code: StatusCode, ...reasons: string[]): Status {
  if (code === 'Success' && reasons.length === 0) return SuccessStatus;
  return Object.freeze({ code, reasons: Object.freeze(reasons) });
}

/** Turns a thrown error into an Error status (Kubernetes' AsStatus). */
export function asErrorStatus(error: unknown): Status {
  return newStatus('Error', error instanceof Error ? error.message : String(error));
}

/** An Error status saying what was running when `status` came back, stamped with the plugin. */
export function errorWhile(what: string, status: Status, plugin: string): Status {
  return withPlugin(newStatus('Error', `${what}: ${statusMessage(status)}`), plugin);
}

/** The same status, stamped with the plugin that returned it. */
export function withPlugin(status: Status, plugin: string): Status {
  return Object.freeze({ ...status, plugin });
}

export function isSuccess(status: Status): boolean {
  return status.code === 'Success';
}

/** Unschedulable or UnschedulableAndUnresolvable: the node (or pod) was turned down, nothing broke. */
export function isRejected(status: Status): boolean {
  return status.code === 'Unschedulable' || status.code === 'UnschedulableAndUnresolvable';
}

/** The reasons joined by ", ", as Kubernetes' Status.Message(). */
export function statusMessage(status: Status): string {
  return status.reasons.join(', ');
}
