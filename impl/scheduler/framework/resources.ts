// Quantities and a pod's resource requests, as the scheduler counts them.
//
// "A pod's request is the sum of its containers' requests, or the largest init container's if
// that is more; the scheduler places pods by requests, not by usage." A quantity is a decimal
// number with a suffix (`100m`, `0.5`, `128Mi`, `1G`, `1e3`); CPU is counted in millicores and
// everything else in units, both rounded up, as Quantity.MilliValue() and Value() do. For
// scoring only, a container with no cpu or memory request counts as 100m and 200Mi.
//
// kubelab simplifies: cpu, memory and pods only (no ephemeral-storage or extended resources), no
// pod-level resources, no in-place resize. Real Kubernetes: apimachinery/pkg/api/resource
// (quantity.go), component-helpers/resource/helpers.go (PodRequests), pkg/scheduler/util.

import type { Container, Node, Pod, ResourceList } from '../../client/types.js';
import type { Resources } from './types.js';

/** CPU counted for a container with no cpu request, in scoring only (schedutil.DefaultMilliCPURequest). */
export const DefaultMilliCpuRequest = 100;
/** Memory counted for a container with no memory request, in scoring only: 200 MiB (schedutil.DefaultMemoryRequest). */
export const DefaultMemoryRequest = 200 * 1024 * 1024;

const BinarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DecimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QuantityPattern = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;
const ExponentPattern = /^[eE]([+-]?\d+)$/;

/** A pod's (or container's) request of the two resources the scheduler weighs. */
export interface Request {
  milliCpu: number;
  memory: number;
}

/** A parsed quantity: value = sign × digits × 10^exponent10 × 2^exponent2, exactly. */
interface ParsedQuantity {
  digits: bigint;
  exponent10: number;
  exponent2: number;
}

/** ceil(quantity × 1000): millicores for `cpu`. Throws on text that is not a quantity. */
export function milliValue(quantity: string | number): number {
  return scaledCeiling(parseQuantity(quantity), 3);
}

/** ceil(quantity): bytes for `memory`, a count for `pods`. Throws on text that is not a quantity. */
export function value(quantity: string | number): number {
  return scaledCeiling(parseQuantity(quantity), 0);
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

/** Parses `<sign><digits>[.<digits>]<suffix>`; the suffix is binary (Ki…Ei), decimal (n…E) or `e<n>`. */
function parseQuantity(quantity: string | number): ParsedQuantity {
  const text = String(quantity).trim();
  const match = QuantityPattern.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole.length + fraction.length === 0)
    throw new Error(`parseQuantity: ${JSON.stringify(text)} is not a quantity`);
  const suffix = match[4] ?? '';
  const exponent = ExponentPattern.exec(suffix);
  const exponent10 = exponent ? Number(exponent[1]) : DecimalSuffixes[suffix];
  const exponent2 = BinarySuffixes[suffix];
  if (exponent10 === undefined && exponent2 === undefined) {
    throw new Error(`parseQuantity: ${JSON.stringify(text)} has an unknown suffix ${JSON.stringify(suffix)}`);
  }
  const digits = BigInt(whole + fraction) * (match[1] === '-' ? -1n : 1n);
  return { digits, exponent10: (exponent10 ?? 0) - fraction.length, exponent2: exponent2 ?? 0 };
}

/** ceil(quantity × 10^scale), computed exactly. */
function scaledCeiling(quantity: ParsedQuantity, scale: number): number {
  const numerator = quantity.digits * 2n ** BigInt(quantity.exponent2);
  const power = quantity.exponent10 + scale;
  if (power >= 0) return Number(numerator * 10n ** BigInt(power));
  const divisor = 10n ** BigInt(-power);
  const quotient = numerator / divisor;
  return Number(numerator > 0n && quotient * divisor !== numerator ? quotient + 1n : quotient);
}
