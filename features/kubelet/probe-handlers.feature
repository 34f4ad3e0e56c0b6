@kubelet @k8s:1.32 @needs-real-nodes
Feature: A probe is an HTTP GET, a TCP connection, or a command run beside the container
  "httpGet passes on a status from 200 to 399; tcpSocket passes if the kubelet can open a
  connection to the port; exec passes if the command exits with 0." When one fails, the
  kubelet's Unhealthy event says why, in the words of the prober: Go's dial error for a TCP
  probe, what the command printed for an exec probe. kubelab runs an exec probe's command in
  the pod's network namespace, on the node's files (its containers are processes of the node).
  Source: kubernetes.io "Configure Liveness, Readiness and Startup Probes";
  pkg/probe/tcp/tcp.go, pkg/probe/exec/exec.go, pkg/kubelet/prober/prober.go.

  @conformance:kubelet-tcp-probe
  Scenario: a TCP readiness probe passes on a port that accepts connections, and fails with Go's dial error on one that does not
    Given the cluster's only nodes are real nodes "a"
    When pod "tcp" is created with kubectl from:
      """
      spec:
        containers:
          - name: web
            image: kubelab/echo
            readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 }
          - name: quiet
            image: kubelab/sleeper
            readinessProbe: { tcpSocket: { port: 9999 }, periodSeconds: 1, failureThreshold: 1 }
      """
    Then within 20 seconds pod "tcp" is not Ready, with reason "ContainersNotReady" and message "containers with unready status: [quiet]"
    And pod "tcp" has an event "Unhealthy" saying "Readiness probe failed: dial tcp <pod IP>:9999: connect: connection refused", where <pod IP> is its IP

  @conformance:kubelet-exec-probe
  Scenario: an exec liveness probe whose command fails gets the container restarted, and the event says what it printed
    Given the cluster's only nodes are real nodes "a"
    When pod "sick" is created with kubectl from:
      """
      spec:
        containers:
          - name: main
            image: kubelab/sleeper
            livenessProbe:
              exec: { command: [sh, -c, "printf 'not feeling well'; exit 1"] }
              periodSeconds: 1
              failureThreshold: 2
              timeoutSeconds: 5
      """
    Then within 30 seconds pod "sick"'s container "main" has restarted at least 1 time, and the pod is "Running"
    And pod "sick" has an event "Unhealthy" saying "Liveness probe failed: not feeling well", where <pod IP> is its IP
