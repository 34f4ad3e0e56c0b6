// A real node: a privileged container whose main process is that node's kubelet.
//
// "The kubelet runs on every node, as a system service, not as a pod." On a kubeadm machine
// systemd starts it; here the node container's command is the kubelet itself. The container is
// privileged because the kubelet does what a node's root does: it makes network namespaces,
// veth pairs and a bridge for its pods (impl/kubelet/network), and writes the node's routes.
// Its hostname is the node's name, as a machine's is. Pods run as processes inside it.
// Real Kubernetes: kind's node containers (kindest/node), which run systemd, then the kubelet.
import { AbstractStartedContainer, GenericContainer, Wait } from 'testcontainers';
import { runComponentProcess } from '../component-process.js';
import { withLogsWhenNotReady } from '../container-logs.js';

export const KubeletReadyLine = 'kubelet started';

export class NodeContainer extends GenericContainer {
  constructor(image: string, nodeName: string, apiServerUrl: string, environment: Record<string, string> = {}) {
    super(image);
    runComponentProcess(this, 'kubelet')
      .withPrivilegedMode()
      .withHostname(nodeName)
      .withEnvironment({ APISERVER_URL: apiServerUrl, NODE_NAME: nodeName, ...environment })
      .withWaitStrategy(withLogsWhenNotReady(Wait.forLogMessage(KubeletReadyLine)));
  }

  override async start(): Promise<StartedNodeContainer> {
    return new StartedNodeContainer(await super.start());
  }
}

export class StartedNodeContainer extends AbstractStartedContainer {}
