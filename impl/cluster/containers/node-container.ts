// A real node: a privileged container that runs that node's kubelet and container runtime.
//
// "The kubelet runs on every node, as a system service, not as a pod." On a kubeadm machine
// systemd starts containerd and the kubelet; here the node container's first process is an init
// that does the same (impl/kubelet/node-init), and starts the kubelet again if it exits. It is
// ready once the kubelet says it started. The container is privileged because the runtime and
// the kubelet do what a node's root does: network namespaces, veth pairs and a bridge for the
// pods (impl/kubelet/network), and the node's routes.
// Its hostname is the node's name, as a machine's is. Pods run as processes inside it.
// Real Kubernetes: kind's node containers (kindest/node), which run systemd, then the kubelet.
import { AbstractStartedContainer, Wait } from 'testcontainers';
import { runComponentProcess } from '../component-process.js';
import { loopbackPortBindings } from '../container-engine.js';
import { withLogsWhenNotReady } from '../container-logs.js';
import { FixedAddressContainer } from './fixed-address-container.js';

export const KubeletReadyLine = 'kubelet started';

export class NodeContainer extends FixedAddressContainer {
  private published: readonly number[] = [];

  constructor(image: string, nodeName: string, apiServerUrl: string, environment: Record<string, string> = {}) {
    super(image);
    runComponentProcess(this, 'kubelet/node-init')
      .withPrivilegedMode()
      .withHostname(nodeName)
      .withEnvironment({ APISERVER_URL: apiServerUrl, NODE_NAME: nodeName, ...environment })
      .withWaitStrategy(withLogsWhenNotReady(Wait.forLogMessage(KubeletReadyLine)));
  }

  /** `ports` of the node reachable from this machine, on its loopback only. */
  publishOnLoopback(ports: readonly number[]): this {
    this.published = ports;
    return ports.length > 0 ? this.withExposedPorts(...ports) : this;
  }

  protected override async beforeContainerCreated(): Promise<void> {
    await super.beforeContainerCreated();
    if (this.published.length > 0) this.hostConfig.PortBindings = loopbackPortBindings(this.published);
  }

  override async start(): Promise<StartedNodeContainer> {
    return new StartedNodeContainer(await super.start());
  }
}

export class StartedNodeContainer extends AbstractStartedContainer {}
