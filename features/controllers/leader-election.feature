@controllers @k8s:1.32
Feature: Of several controller managers only the one holding the Lease acts, and another takes over when it dies
  kube-controller-manager runs with --leader-elect: its replicas compete for the Lease
  kube-system/kube-controller-manager, the holder renews it, and only the holder runs the
  controllers. A replica that finds the Lease unrenewed for a whole lease duration takes it over.
  This cluster runs two replicas, each named by its hostname in the holder identity, with a 6 s
  lease renewed every second (Kubernetes: 15 s and 2 s). Source: kubernetes.io "Leases" (Leader
  election) and the kube-controller-manager reference (--leader-elect, --leader-elect-lease-duration).

  Rule: Exactly one replica holds the Lease, and says so

    @conformance:leader-election-one-holder
    Scenario: the Lease names the replica that leads
      Then the Lease "kube-controller-manager" in "kube-system" names its holder as "<hostname>_<uuid>"
      And a "LeaderElection" event on that Lease says "<holder> became leader"

  Rule: Only the leader acts; the other replica only reads the Lease

    @conformance:leader-election-only-leader-acts @needs-audit
    Scenario: while a replica set scales up, every pod is created from the leader's address
      Given a replica set "web" with 0 replicas was created
      When replica set "web" is scaled to 6 with kubectl
      Then within 30 seconds replica set "web" has exactly 6 pods, and its status says so
      And the audit log shows every pod of "web" created from the address that renews the Lease

  Rule: When the leader dies, the other replica takes the Lease and the loops go on

    @conformance:leader-election-takeover @needs-component-control @needs-audit @needs-simulated-nodes
    Scenario: the leading controller manager is killed
      Given the cluster's only schedulable nodes are 3 identical nodes "worker"
      And a replica set "web" with 2 replicas was created and is ready
      When the controller manager that holds the Lease is killed
      Then within 20 seconds the other controller manager holds the Lease, and its leaseTransitions grew
      When replica set "web" is scaled to 4 with kubectl
      Then within 30 seconds replica set "web" has 4 ready pods
      When the killed controller manager is started again
      Then within 20 seconds both controller managers ask for the Lease, and only the one holding it renews it
