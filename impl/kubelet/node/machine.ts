// What the node's machine is: the facts a kubelet reads about itself before it registers.
//
// "The kubelet reports the node's capacity: its CPUs and memory, and how many pods it takes."
// A kubelab node is a container, so its machine is the host's: its CPUs and memory as the
// container sees them (os.cpus(), os.totalmem()), unless settings give a size, and its address
// on the cluster network (eth0).
// Real Kubernetes: cAdvisor's MachineInfo (github.com/google/cadvisor/machine), read by
// pkg/kubelet/nodestatus/setters.go (MachineInfo, NodeAddress).
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly cpu: string;
  /** Bytes, as the Quantity the Node shows: `24576000Ki`. */
  readonly memory: string;
  readonly internalIp: string;
  readonly hostname: string;
  readonly kernelVersion: string;
  readonly architecture: string;
  readonly bootId: string;
  readonly machineId: string;
}

/** `cpu` and `memory` given in settings replace what the container sees. */
export function readMachine(hostname: string, sizes: { cpu?: string; memory?: string }): Machine {
  const eth0 = os.networkInterfaces().eth0?.find((address) => address.family === 'IPv4');
  return {
    cpu: sizes.cpu ?? String(os.cpus().length),
    memory: sizes.memory ?? `${Math.floor(os.totalmem() / 1024)}Ki`,
    internalIp: eth0?.address ?? '127.0.0.1',
    hostname,
    kernelVersion: os.release(),
    // Node.js says x64 and arm64; Kubernetes (GOARCH) says amd64 and arm64.
    architecture: os.arch() === 'x64' ? 'amd64' : os.arch(),
    bootId: readOr('/proc/sys/kernel/random/boot_id', ''),
    machineId: readOr('/etc/machine-id', ''),
  };
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}
