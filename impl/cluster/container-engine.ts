// The container engine kubelab's cluster runs on, and the settings kubelab assumes of it.
//
// Kubernetes runs its control plane and nodes on machines; kubelab runs each of them as a
// container, started through testcontainers on whatever engine answers the Docker API (Docker,
// or podman's compatible service). Two testcontainers defaults do not fit the machines kubelab
// targets, so they are changed here before any engine call reads them (testcontainers reads
// both lazily, on first use); a value already set in the environment wins:
// - Ryuk, testcontainers' reaper container, cannot be pulled: kubelab removes its own
//   containers instead (see ownership.ts);
// - mapped ports listen on, and are reached at, 127.0.0.1 only.
// Real Kubernetes: kubeadm (or kind, for clusters in containers) plays this role.
import { type ContainerRuntimeClient, getContainerRuntimeClient } from 'testcontainers';

/** Where mapped ports listen on the host: loopback only, never every interface. */
export const HOST_LOOPBACK = '127.0.0.1';

const ENGINE_DEFAULTS: Record<string, string> = {
  TESTCONTAINERS_RYUK_DISABLED: 'true',
  TESTCONTAINERS_HOST_OVERRIDE: HOST_LOOPBACK,
};

for (const [name, value] of Object.entries(ENGINE_DEFAULTS)) {
  process.env[name] ??= value;
}

/** The engine client, reached only after the defaults above are in place. */
export function containerEngine(): Promise<ContainerRuntimeClient> {
  return getContainerRuntimeClient();
}

/**
 * Docker API port bindings that publish each container port on a random loopback port.
 * testcontainers publishes on every interface; builders apply this just before creation.
 */
export function loopbackPortBindings(
  containerPorts: readonly number[],
): Record<string, { HostIp: string; HostPort: string }[]> {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of containerPorts) {
    bindings[`${port}/tcp`] = [{ HostIp: HOST_LOOPBACK, HostPort: '0' }];
  }
  return bindings;
}
