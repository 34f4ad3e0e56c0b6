// Quantities and a pod's resource requests, as the scheduler counts them.
//
// "A pod's request is the sum of its containers' requests, or the largest init container's if
// that is more; the scheduler places pods by requests, not by usage." CPU is counted in
// millicores and everything else in units, both rounded up (quantity.ts). For scoring only, a
// container with no cpu or memory request counts as 100m and 200Mi.
//
// kubelab simplifies: cpu, memory and pods only (no ephemeral-storage or extended resources), no
// pod-level resources, no in-place resize. Real Kubernetes: apimachinery/pkg/api/resource
// (quantity.go), component-helpers/resource/helpers.go (PodRequests), pkg/scheduler/util.

import type { Container, Node, Pod, ResourceList } from '../../client/types.js';
import { milliValue, value } from '../../client/quantity.js';
import type { Resources } from './types.js';

export { milliValue, value };

/** CPU counted for a container with no cpu request, in scoring only (schedutil.DefaultMilliCPURequest). */
export const DefaultMilliCpuRequest = 100;
/** Memory counted for a container with no memory request, in scoring only: 200 MiB (schedutil.DefaultMemoryRequest). */
export const DefaultMemoryRequest = 200 * 1024 * 1024;

/** A pod's (or container's) request of the two resources the scheduler weighs. */
export interface Request {
  milliCpu: number;
  memory: number;
}

/** A pod's requests; `useDefaults` counts 100m / 200Mi for each container missing one (scoring). */
export function podRequests(pod: Pod, useDefaults: boolean): Request {
  const total: Request = { milliCpu: 0, memory: 0 };
  for (const container of pod.spec.containers) addTo(total, containerRequest(container, useDefaults));
  // Sidecars (init containers that keep running) add to the sum; a plain init container runs
  // alone beside the sidecars started before it, so only the largest such moment counts.
  const sidecars: Request = { milliCpu: 0, memory: 0 };
  const largestInit: Request = { milliCpu: 0, memory: 0 };
  for (const container of pod.spec.initContainers ?? []) {
    const request = containerRequest(container, useDefaults);
    if (container.restartPolicy === 'Always') {
      addTo(total, request);
      addTo(sidecars, request);
      maxInto(largestInit, sidecars);
    } else {
      maxInto(largestInit, {
        milliCpu: request.milliCpu + sidecars.milliCpu,
        memory: request.memory + sidecars.memory,
      });
    }
  }
  maxInto(total, largestInit);
  if (pod.spec.overhead) addTo(total, listRequest(pod.spec.overhead, false));
  return total;
}

/** A node's status.allocatable as the scheduler counts it; absent means zero, as in Kubernetes. */
export function nodeAllocatable(node: Node): Resources {
  const allocatable = node.status?.allocatable ?? {};
  const { milliCpu, memory } = listRequest(allocatable, false);
  return { milliCpu, memory, pods: allocatable.pods === undefined ? 0 : value(allocatable.pods) };
}

function containerRequest(container: Container, useDefaults: boolean): Request {
  return listRequest(container.resources?.requests ?? {}, useDefaults);
}

function listRequest(list: ResourceList, useDefaults: boolean): Request {
  const cpu = list.cpu;
  const memory = list.memory;
  return {
    milliCpu: cpu === undefined ? (useDefaults ? DefaultMilliCpuRequest : 0) : milliValue(cpu),
    memory: memory === undefined ? (useDefaults ? DefaultMemoryRequest : 0) : value(memory),
  };
}

function addTo(total: Request, more: Request): void {
  total.milliCpu += more.milliCpu;
  total.memory += more.memory;
}

function maxInto(total: Request, other: Request): void {
  total.milliCpu = Math.max(total.milliCpu, other.milliCpu);
  total.memory = Math.max(total.memory, other.memory);
}
