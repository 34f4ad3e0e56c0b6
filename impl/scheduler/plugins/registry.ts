// The in-tree plugin registry and the default profile.
//
// "The default scheduler enables a fixed set of plugins, and weighs the scorers:
// TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, NodeResourcesFit 1,
// NodeResourcesBalancedAllocation 1." The registry maps each plugin name to a factory; the
// default profile lists the plugins in Kubernetes' multiPoint order, which is also the order
// filters run in, so a node is rejected by the first of them that turns it down.
//
// kubelab leaves out SchedulingGates, PrioritySort (the queue orders pods), the volume plugins,
// InterPodAffinity, ImageLocality and DefaultBinder (the process binds). Real Kubernetes:
// pkg/scheduler/framework/plugins/registry.go and pkg/scheduler/apis/config/v1/default_plugins.go.

import type { PluginFactory, Profile, Registry } from '../framework/types.js';
import { DefaultPreemption, DefaultPreemptionName } from './default-preemption.js';
import { NodeAffinity, NodeAffinityName } from './node-affinity.js';
import { NodeName, NodeNameName } from './node-name.js';
import { NodePorts, NodePortsName } from './node-ports.js';
import {
  NodeResourcesBalancedAllocation,
  NodeResourcesBalancedAllocationName,
} from './node-resources-balanced-allocation.js';
import { NodeResourcesFit, NodeResourcesFitName } from './node-resources-fit.js';
import { NodeUnschedulable, NodeUnschedulableName } from './node-unschedulable.js';
import { PodTopologySpread, PodTopologySpreadName } from './pod-topology-spread.js';
import { TaintToleration, TaintTolerationName } from './taint-toleration.js';

/** The scheduler name pods ask for when they name none. */
export const DefaultSchedulerName = 'default-scheduler';

/** Score weights of the default profile (default_plugins.go). */
export const DefaultWeights = {
  [TaintTolerationName]: 3,
  [NodeAffinityName]: 2,
  [NodeResourcesFitName]: 1,
  [PodTopologySpreadName]: 2,
  [NodeResourcesBalancedAllocationName]: 1,
} as const;

/** Every plugin kubelab implements, by its Kubernetes name. */
export function newInTreeRegistry(): Registry {
  return new Map<string, PluginFactory>([
    [NodeUnschedulableName, () => new NodeUnschedulable()],
    [NodeNameName, () => new NodeName()],
    [TaintTolerationName, () => new TaintToleration()],
    [NodeAffinityName, () => new NodeAffinity()],
    [NodePortsName, () => new NodePorts()],
    [NodeResourcesFitName, () => new NodeResourcesFit()],
    [PodTopologySpreadName, () => new PodTopologySpread()],
    [DefaultPreemptionName, () => new DefaultPreemption()],
    [NodeResourcesBalancedAllocationName, () => new NodeResourcesBalancedAllocation()],
  ]);
}

/** The default-scheduler profile: Kubernetes' multiPoint list, minus the plugins kubelab leaves out. */
export const DefaultProfile: Profile = {
  schedulerName: DefaultSchedulerName,
  plugins: [
    { name: NodeUnschedulableName },
    { name: NodeNameName },
    { name: TaintTolerationName, weight: DefaultWeights[TaintTolerationName] },
    { name: NodeAffinityName, weight: DefaultWeights[NodeAffinityName] },
    { name: NodePortsName },
    { name: NodeResourcesFitName, weight: DefaultWeights[NodeResourcesFitName] },
    { name: PodTopologySpreadName, weight: DefaultWeights[PodTopologySpreadName] },
    { name: DefaultPreemptionName },
    { name: NodeResourcesBalancedAllocationName, weight: DefaultWeights[NodeResourcesBalancedAllocationName] },
  ],
};
