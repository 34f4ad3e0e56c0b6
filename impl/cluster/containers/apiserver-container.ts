// kube-apiserver: "The core of Kubernetes' control plane is the API server. The API server
// exposes an HTTP API that lets end users, different parts of your cluster, and external
// components communicate with one another" (kubernetes.io, The Kubernetes API).
//
// kubelab's API server (impl/apiserver) runs in its own container on the cluster network, as
// `apiserver`; it alone talks to etcd. Its port is published on loopback, and a kubeconfig
// points kubectl at it. kubelab simplifies: plain HTTP on 6443 and one `admin` user with no
// credentials. Real Kubernetes: serves HTTPS with client certificates or tokens, and kubeadm
// writes /etc/kubernetes/admin.conf (cmd/kubeadm/app/phases/kubeconfig).
import { AbstractStartedContainer, Wait } from 'testcontainers';
import { stringify } from 'yaml';
import { runComponentProcess } from '../component-process.js';
import { loopbackPortBindings } from '../container-engine.js';
import { withLogsWhenNotReady } from '../container-logs.js';
import { FixedAddressContainer } from './fixed-address-container.js';

export const APISERVER_PORT = 6443;
export const APISERVER_ALIAS = 'apiserver';
export const KUBECONFIG_CLUSTER = 'kubelab';
export const KUBECONFIG_USER = 'admin';
export const KUBECONFIG_CONTEXT = 'kubelab';
const READYZ_PATH = '/readyz';
const READYZ_POLL_MS = 250;

/** Builder for the API server, given the etcd URL it must store objects in. */
export class ApiServerContainer extends FixedAddressContainer {
  /** `environment`: the API server's settings (its row in components.ts). */
  constructor(image: string, etcdEndpoints: string, environment: Record<string, string> = {}) {
    super(image);
    runComponentProcess(this, 'apiserver')
      .withNetworkAliases(APISERVER_ALIAS)
      .withExposedPorts(APISERVER_PORT)
      .withEnvironment({ ...environment, ETCD_ENDPOINTS: etcdEndpoints, APISERVER_PORT: String(APISERVER_PORT) })
      .withWaitStrategy(
        withLogsWhenNotReady(
          Wait.forHttp(READYZ_PATH, APISERVER_PORT, { abortOnContainerExit: true })
            .withReadTimeout(READYZ_POLL_MS)
            .forStatusCode(200),
        ),
      );
  }

  protected override async beforeContainerCreated(): Promise<void> {
    await super.beforeContainerCreated();
    this.hostConfig.PortBindings = loopbackPortBindings([APISERVER_PORT]);
  }

  override async start(): Promise<StartedApiServerContainer> {
    return new StartedApiServerContainer(await super.start());
  }
}

/** A running API server that answers /readyz. */
export class StartedApiServerContainer extends AbstractStartedContainer {
  /** The API server's URL on this machine's loopback. */
  getApiServerUrl(): string {
    return `http://${this.getHost()}:${this.getMappedPort(APISERVER_PORT)}`;
  }

  /** A kubeconfig that points kubectl at this API server as `admin`, in namespace `default`. */
  getKubeconfig(): string {
    return renderKubeconfig(this.getApiServerUrl());
  }
}

/** The kubeconfig YAML for a server, in the shape `kubectl config view` prints. */
export function renderKubeconfig(server: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: KUBECONFIG_CLUSTER, cluster: { server } }],
    users: [{ name: KUBECONFIG_USER, user: {} }],
    contexts: [
      {
        name: KUBECONFIG_CONTEXT,
        context: { cluster: KUBECONFIG_CLUSTER, user: KUBECONFIG_USER, namespace: 'default' },
      },
    ],
    'current-context': KUBECONFIG_CONTEXT,
    preferences: {},
  });
}
