// The Node object a kubelet creates for itself when it first starts.
//
// "Nodes self-register: the kubelet creates its Node object with its labels and capacity." The
// well-known labels let a person and the scheduler select nodes (nodeSelector on
// kubernetes.io/hostname, kubernetes.io/os, kubernetes.io/arch). A control-plane node is
// labelled and tainted the way kubeadm does it, so ordinary pods stay off it.
// Real Kubernetes: pkg/kubelet/kubelet_node_status.go (initialNode); kubeadm's mark-control-plane
// phase (cmd/kubeadm/app/phases/markcontrolplane).
import type { KubeObject } from '../../client/types.js';
import type { Machine } from './machine.js';

export const ControlPlaneLabel = 'node-role.kubernetes.io/control-plane';

export function initialNode(name: string, machine: Machine, controlPlane: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': machine.hostname,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': machine.architecture,
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': machine.architecture,
        ...(controlPlane ? { [ControlPlaneLabel]: '' } : {}),
      },
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: controlPlane ? { taints: [{ key: ControlPlaneLabel, effect: 'NoSchedule' }] } : {},
  };
}
