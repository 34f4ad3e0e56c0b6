// A pod's quality-of-service class, which the API server writes into status.qosClass when the
// pod is created.
//
// "Guaranteed: every container has cpu and memory limits, and requests equal to them.
// BestEffort: no container has any cpu or memory request or limit. Burstable: the rest." The
// kubelet reads the class to size the pod's cgroups and to choose whom to evict first when a
// node runs short; it never changes after creation. Only cpu and memory count, only amounts
// above zero, init containers too; requests and limits are summed over the containers first.
//
// kubelab simplifies: no pod-level resources (a 1.32 alpha feature). Real Kubernetes:
// pkg/apis/core/helper/qos/qos.go (ComputePodQOS), called from the pod strategy's
// PrepareForCreate (pkg/registry/core/pod/strategy.go).

import { compareQuantities, compareTotals } from '../client/quantity.js';
import type { Pod, ResourceList } from '../client/types.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QosResources = ['cpu', 'memory'];

/** The class of a pod as it is created (ComputePodQOS). */
export function podQosClass(pod: Pod): QosClass {
  const requests = new Map<string, string[]>();
  const limits = new Map<string, string[]>();
  let isGuaranteed = true;
  for (const container of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    collect(requests, container.resources?.requests);
    const limited = collect(limits, container.resources?.limits);
    // Each container must limit both cpu and memory for the pod to be Guaranteed.
    if (!QosResources.every((name) => limited.includes(name))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  for (const [name, requested] of requests) {
    const limit = limits.get(name);
    if (!limit || compareTotals(limit, requested) !== 0) isGuaranteed = false;
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the list's cpu and memory amounts above zero to `totals`; returns their names. */
function collect(totals: Map<string, string[]>, list: ResourceList | undefined): string[] {
  const counted = Object.entries(list ?? {}).filter(
    ([name, quantity]) => QosResources.includes(name) && compareQuantities(quantity, 0) > 0,
  );
  for (const [name, quantity] of counted) totals.set(name, [...(totals.get(name) ?? []), String(quantity)]);
  return counted.map(([name]) => name);
}
