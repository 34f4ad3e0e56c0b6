// A control-plane or node component that is a client of the API server: the scheduler, the
// controller manager, the simulated node agent, and (in later lessons) kubelets and kube-proxy.
//
// "Every component other than the API server is just a client of the API server." Such a
// container runs one of kubelab's entry points from the bind-mounted project, on the cluster
// network, with APISERVER_URL pointing at the API server's alias. It is ready when it logs
// the line it prints once its loop has started. kubelab simplifies: no credentials. Real
// Kubernetes: kubeadm runs each as a static pod with a kubeconfig, and the kubelet restarts
// one that exits (here the cluster's supervisor.ts does).
import { AbstractStartedContainer, GenericContainer, Wait } from 'testcontainers';
import { runComponentProcess } from '../component-process.js';
import { withLogsWhenNotReady } from '../container-logs.js';

export class ComponentContainer extends GenericContainer {
  /** Runs impl/`entry`/main.js, ready once it logs `readyLine` (both from its row in components.ts). */
  constructor(
    image: string,
    entry: string,
    readyLine: string,
    apiServerUrl: string,
    environment: Record<string, string> = {},
  ) {
    super(image);
    runComponentProcess(this, entry)
      .withEnvironment({ APISERVER_URL: apiServerUrl, ...environment })
      .withWaitStrategy(withLogsWhenNotReady(Wait.forLogMessage(readyLine)));
  }

  override async start(): Promise<StartedComponentContainer> {
    return new StartedComponentContainer(await super.start());
  }
}

export class StartedComponentContainer extends AbstractStartedContainer {}
