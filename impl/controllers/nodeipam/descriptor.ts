// The node IPAM controller in the controller manager: one range of pod addresses per node.
// kubelab allocates node CIDRs by default, as kubeadm configures it when given a pod network.
// Real Kubernetes: cmd/kube-controller-manager/app/core.go (newNodeIpamControllerDescriptor),
// with --allocate-node-cidrs, --cluster-cidr and --node-cidr-mask-size.

import { booleanSetting, countSetting, stringSetting } from '../../client/settings.js';
import { defineController, queuedRunner } from '../descriptor.js';
import { CidrSet } from './cidr-set.js';
import { NodeIpamController } from './node-ipam-controller.js';

export const NodeIpamControllerDescriptor = defineController({
  name: 'node-ipam-controller',
  aliases: ['nodeipam'],
  enabledByDefault: true,
  settings: {
    allocateNodeCidrs: booleanSetting(
      'ALLOCATE_NODE_CIDRS',
      true,
      'give each node a podCIDR from the cluster CIDR (--allocate-node-cidrs)',
    ),
    clusterCidr: stringSetting('CLUSTER_CIDR', '10.244.0.0/16', 'the pod network (--cluster-cidr)'),
    nodeCidrMaskSize: countSetting('NODE_CIDR_MASK_SIZE', 24, 'the size of each node range (--node-cidr-mask-size)'),
  },
  init: ({ client, logger, informers, settings }) => {
    // Without --allocate-node-cidrs the controller has nothing to do, as in kube-controller-manager.
    if (!settings.allocateNodeCidrs) return [];
    const cidrs = new CidrSet(settings.clusterCidr, settings.nodeCidrMaskSize);
    return [
      queuedRunner(logger, 1, (enqueue) => new NodeIpamController(client, informers.nodes(), cidrs, enqueue, logger)),
    ];
  },
});
