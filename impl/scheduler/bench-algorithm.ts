// A micro-benchmark of the scheduling algorithm alone: no API server, no binding, no events.
//
// "kube-scheduler is measured in pods scheduled per second at 5,000 nodes." This builds
// synthetic NodeInfos (three zones, a few tainted control-plane nodes, pods of several
// ReplicaSets already placed), then schedules pods one after another with the default
// profile, assuming each on its chosen node as the real scheduler does before binding, and
// reports pods per second and wall and CPU microseconds per pod, after a warm-up run.
//
// kubelab-only. Kubernetes' counterpart is test/integration/scheduler_perf (SchedulingBasic at
// 5000 nodes), which runs the whole scheduler against an API server.

import type { Pod } from '../client/types.js';
import { newFramework } from './framework/framework.js';
import { addPod, assumedPod, newNodeInfo } from './framework/node-info.js';
import type { NodeInfo } from './framework/types.js';
import { makeNode, makePod, replicaSetOwner } from './fixtures.js';
import { DefaultProfile, newInTreeRegistry } from './plugins/registry.js';
import { LabelHostname, LabelTopologyZone } from './plugins/pod-topology-spread.js';
import { type RandomInt, schedulePod } from './schedule-one.js';

/** Pods already running before the measured ones, when the caller names no other number. */
export const DefaultPlacedPods = 1000;
/** Pods scheduled on a throwaway cluster first, so the measured run sees JIT-compiled code. */
export const DefaultWarmupPods = 1000;
const Zones = ['zone-a', 'zone-b', 'zone-c'];
const ControlPlaneNodes = 3;

export interface BenchmarkOptions {
  placedPods?: number;
  /** 0 measures a cold start: the first pods then also pay for V8 compiling the plugins. */
  warmupPods?: number;
}

export interface AlgorithmBenchmark {
  nodes: number;
  placedPods: number;
  scheduledPods: number;
  unschedulablePods: number;
  elapsedMilliseconds: number;
  podsPerSecond: number;
  microsecondsPerPod: number;
  /** CPU time (user + system, all threads) per pod: steadier than wall time on a busy machine. */
  cpuMicrosecondsPerPod: number;
}

/** Schedules `pods` pods onto `nodes` synthetic nodes that already run `placedPods` pods. */
export function benchmarkAlgorithm(nodes: number, pods: number, options: BenchmarkOptions = {}): AlgorithmBenchmark {
  const { placedPods = DefaultPlacedPods, warmupPods = DefaultWarmupPods } = options;
  if (warmupPods > 0)
    scheduleAll(syntheticNodeInfos(Math.min(nodes, 1000), 0, seededRandom(1)), warmupPods, seededRandom(2));
  const random = seededRandom(42);
  const nodeInfos = syntheticNodeInfos(nodes, placedPods, random);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const unschedulablePods = scheduleAll(nodeInfos, pods, random);
  const elapsedMilliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    nodes,
    placedPods,
    scheduledPods: pods - unschedulablePods,
    unschedulablePods,
    elapsedMilliseconds,
    podsPerSecond: elapsedMilliseconds === 0 ? Number.POSITIVE_INFINITY : (pods * 1000) / elapsedMilliseconds,
    microsecondsPerPod: pods === 0 ? 0 : (elapsedMilliseconds * 1000) / pods,
    cpuMicrosecondsPerPod: pods === 0 ? 0 : (cpu.user + cpu.system) / pods,
  };
}

/** Schedules pods of ten ReplicaSets one by one, assuming each on its node; returns how many fit nowhere. */
function scheduleAll(nodeInfos: NodeInfo[], pods: number, random: RandomInt): number {
  const framework = newFramework(DefaultProfile, newInTreeRegistry());
  const byName = new Map(nodeInfos.map((nodeInfo) => [nodeInfo.name, nodeInfo]));
  const incoming = Array.from({ length: pods }, (_, index) =>
    syntheticPod(`web-${index}`, `web-${index % 10}`, '100m', '128Mi'),
  );
  let startIndex = 0;
  let unschedulable = 0;
  for (const pod of incoming) {
    const result = schedulePod(framework, pod, nodeInfos, { startIndex, random });
    startIndex = result.nextStartIndex;
    const chosen = result.selectedNode === undefined ? undefined : byName.get(result.selectedNode);
    if (chosen) addPod(chosen, assumedPod(pod, chosen.name));
    else unschedulable++;
  }
  return unschedulable;
}

/** Nodes in three zones, the first few tainted as control plane, with placed pods spread at random. */
export function syntheticNodeInfos(nodes: number, placedPods: number, random: RandomInt): NodeInfo[] {
  const nodeInfos = Array.from({ length: nodes }, (_, index) => {
    const name = `node-${index}`;
    const labels = { [LabelHostname]: name, [LabelTopologyZone]: Zones[index % Zones.length] ?? '' };
    const taints =
      index < ControlPlaneNodes
        ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }]
        : undefined;
    return newNodeInfo(makeNode(name, { cpu: '4', memory: '16Gi', labels, ...(taints ? { taints } : {}) }));
  });
  for (let index = 0; index < placedPods && nodes > ControlPlaneNodes; index++) {
    const nodeInfo = nodeInfos[ControlPlaneNodes + random(nodes - ControlPlaneNodes)];
    const pod = syntheticPod(
      `placed-${index}`,
      `batch-${index % 20}`,
      `${100 + random(5) * 100}m`,
      `${256 * (1 + random(4))}Mi`,
    );
    if (nodeInfo) addPod(nodeInfo, assumedPod(pod, nodeInfo.name));
  }
  return nodeInfos;
}

/** A deterministic uniform integer source (mulberry32), so runs are comparable. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * bound);
  };
}

function syntheticPod(name: string, replicaSet: string, cpu: string, memory: string): Pod {
  return makePod(name, { cpu, memory, labels: { app: replicaSet }, owner: replicaSetOwner(replicaSet) });
}
