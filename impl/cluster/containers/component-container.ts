// A control-plane or node component that is a client of the API server: the scheduler, the
// controller manager, the simulated node agent, and (in later lessons) kubelets and kube-proxy.
//
// "Every component other than the API server is just a client of the API server." Such a
// container runs one of kubelab's entry points from the bind-mounted project, on the cluster
// network, with APISERVER_URL pointing at the API server's alias. It is ready when it logs
// the line it prints once its loop has started. kubelab simplifies: no credentials. Real
// Kubernetes: kubeadm runs each as a static pod with a kubeconfig, and the kubelet restarts
// one that exits (withRestartAlways).
import { AbstractStartedContainer, GenericContainer, Wait } from 'testcontainers';
import { type NodeComponent, runComponentProcess } from '../component-process.js';
import { withLogsWhenNotReady } from '../container-logs.js';

/** The line each component prints when it is up. */
const readyLines: Partial<Record<NodeComponent, string>> = {
  scheduler: 'scheduler started',
  controllers: 'controller manager started',
  'kubelet/simulated': 'simulated node agent started',
};

export class ComponentContainer extends GenericContainer {
  constructor(image: string, component: NodeComponent, apiServerUrl: string, environment: Record<string, string> = {}) {
    super(image);
    const readyLine = readyLines[component];
    if (!readyLine) throw new Error(`ComponentContainer: no ready line known for ${component}`);
    runComponentProcess(this, component)
      .withEnvironment({ APISERVER_URL: apiServerUrl, ...environment })
      .withWaitStrategy(withLogsWhenNotReady(Wait.forLogMessage(readyLine)));
  }

  /**
   * Start the process again whenever it exits, as the kubelet does for a static pod: a
   * controller manager that loses its Lease exits on purpose. A kill through the container
   * engine (a crash the harness causes) is not undone.
   */
  withRestartAlways(): this {
    this.hostConfig.RestartPolicy = { Name: 'always' };
    return this;
  }

  override async start(): Promise<StartedComponentContainer> {
    return new StartedComponentContainer(await super.start());
  }
}

export class StartedComponentContainer extends AbstractStartedContainer {}
