// Every controller kubelab's controller manager knows, in start order.
//
// Adding a controller: its folder under impl/controllers, a descriptor.ts there, and one line
// here. --controllers (the CONTROLLERS setting) then picks it by name.
// Real Kubernetes: cmd/kube-controller-manager/app/controllermanager.go (NewControllerDescriptors).

import type { ControllerDescriptor } from './descriptor.js';
import { DeploymentControllerDescriptor } from './deployment/descriptor.js';
import { GarbageCollectorControllerDescriptor } from './garbagecollector/descriptor.js';
import { NamespaceControllerDescriptor } from './namespace/descriptor.js';
import { NodeIpamControllerDescriptor } from './nodeipam/descriptor.js';
import { NodeLifecycleControllerDescriptor, TaintEvictionControllerDescriptor } from './nodelifecycle/descriptor.js';
import { PodGarbageCollectorControllerDescriptor } from './podgc/descriptor.js';
import { ReplicaSetControllerDescriptor } from './replicaset/descriptor.js';

export const ControllerDescriptors: readonly ControllerDescriptor[] = [
  ReplicaSetControllerDescriptor,
  DeploymentControllerDescriptor,
  NodeIpamControllerDescriptor,
  NodeLifecycleControllerDescriptor,
  TaintEvictionControllerDescriptor,
  PodGarbageCollectorControllerDescriptor,
  NamespaceControllerDescriptor,
  GarbageCollectorControllerDescriptor,
];
