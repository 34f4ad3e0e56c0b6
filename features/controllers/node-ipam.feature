@controllers @k8s:1.32 @needs-simulated-nodes
Feature: The node IPAM controller gives each node its own range of pod addresses
  With --allocate-node-cidrs, the controller manager cuts the cluster CIDR into one range per
  node (a /24 of 10.244.0.0/16 here) and patches it into the Node's spec.podCIDR and
  spec.podCIDRs; the node's pods then take their IPs from it. A node that comes with a range
  keeps it, and a deleted node's range is given back.
  Source: kube-controller-manager's node IPAM controller (range allocator), kubernetes.io
  "Cluster Networking"; kubeadm's --pod-network-cidr.

  @needs-audit @conformance:controllers-node-ipam-ranges
  Scenario: each node gets a /24 of its own from the controller manager, and one it came with stays
    Given the cluster's only schedulable nodes are "a" with 1 CPU and "b" with 4 CPUs
    When a node "preset" with the podCIDR "10.244.254.0/24" joins the cluster
    Then within 10 seconds every node has one podCIDR, a "/24" of "10.244.0.0/16", and no two nodes share one
    And node "preset" has the podCIDR "10.244.254.0/24"
    And the audit log shows the controller manager patched nodes "a" and "b", and not "preset"
