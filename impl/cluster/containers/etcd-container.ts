// etcd: "Consistent and highly-available key value store used as Kubernetes' backing store for
// all cluster data" (kubernetes.io, Cluster Architecture / Components).
//
// One etcd member in its own container, on the cluster network under the alias `etcd`. Only
// the API server talks to it, at the internal URL; the client port is also published on
// loopback so that a person with `etcdctl`, or a test, can read the keys the API server wrote.
// kubelab simplifies: a single member, plain HTTP with no client certificates, and its data on
// a tmpfs that goes away with the container. Real Kubernetes: kubeadm runs etcd as a static pod
// (cmd/kubeadm/app/phases/etcd/local.go), usually with TLS and several members.
import { AbstractStartedContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { loopbackPortBindings } from '../container-engine.js';
import { withLogsWhenNotReady } from '../container-logs.js';
import { FixedAddressContainer } from './fixed-address-container.js';

export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
export const ETCD_ALIAS = 'etcd';
const DATA_DIR = '/tmp/etcd-data';
const HEALTH_PATH = '/health';
const HEALTH_POLL_MS = 250;

/** Builder for an etcd member, reached by other containers at `http://<alias>:2379`. */
export class EtcdContainer extends FixedAddressContainer {
  constructor(
    image: string,
    private readonly alias: string = ETCD_ALIAS,
  ) {
    super(image);
    const peerUrl = `http://localhost:${ETCD_PEER_PORT}`;
    this.withNetworkAliases(alias)
      .withExposedPorts(ETCD_CLIENT_PORT)
      .withTmpFs({ '/tmp': 'rw,mode=1777' })
      .withCommand([
        'etcd',
        `--name=${alias}`,
        `--data-dir=${DATA_DIR}`,
        `--listen-client-urls=http://0.0.0.0:${ETCD_CLIENT_PORT}`,
        `--advertise-client-urls=${internalClientUrl(alias)}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=${alias}=${peerUrl}`,
      ])
      .withWaitStrategy(
        withLogsWhenNotReady(
          Wait.forHttp(HEALTH_PATH, ETCD_CLIENT_PORT, { abortOnContainerExit: true })
            .withReadTimeout(HEALTH_POLL_MS)
            .forResponsePredicate(isHealthy),
        ),
      );
  }

  protected override async beforeContainerCreated(): Promise<void> {
    await super.beforeContainerCreated();
    this.hostConfig.PortBindings = loopbackPortBindings([ETCD_CLIENT_PORT]);
  }

  override async start(): Promise<StartedEtcdContainer> {
    return new StartedEtcdContainer(await super.start(), this.alias);
  }
}

/** A running etcd member. */
export class StartedEtcdContainer extends AbstractStartedContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly alias: string,
  ) {
    super(startedTestContainer);
  }

  /** The client URL on this machine's loopback, for etcdctl and for tests that read etcd. */
  getClientUrl(): string {
    return `http://${this.getHost()}:${this.getMappedPort(ETCD_CLIENT_PORT)}`;
  }

  /** The client URL other containers on the cluster network use: the API server's --etcd-servers. */
  getInternalClientUrl(): string {
    return internalClientUrl(this.alias);
  }
}

function internalClientUrl(alias: string): string {
  return `http://${alias}:${ETCD_CLIENT_PORT}`;
}

/** etcd answers /health with {"health":"true"} once it has a leader and serves reads. */
function isHealthy(body: string): boolean {
  try {
    return (JSON.parse(body) as { health?: unknown }).health === 'true';
  } catch {
    return false;
  }
}
