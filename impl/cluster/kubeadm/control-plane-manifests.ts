// The control plane as four static pod manifests, the files `kubeadm init` writes.
//
// "kubeadm runs the control plane as static pods": it writes etcd.yaml, kube-apiserver.yaml,
// kube-controller-manager.yaml and kube-scheduler.yaml into the control-plane node's
// /etc/kubernetes/manifests, and the node's kubelet does the rest. Each pod is in kube-system,
// labelled `component` and `tier: control-plane`, on the host's network (the API server must
// answer before any pod network exists) and `system-node-critical`. kubelab's components read
// their settings from the environment rather than from flags, so the manifests set `env`
// where kubeadm's set `command`; etcd takes flags, as it does in kubeadm's.
// kubelab simplifies: no TLS, no hostPath volumes (a pod's processes share the node's files),
// no liveness probes.
// Real Kubernetes: cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go.
import { stringify } from 'yaml';
import type { JsonObject } from '../../client/types.js';
import type { LaunchOptions } from '../cluster-options.js';
import { type ComponentRow, ComponentTable, environmentOf } from '../components.js';

export const ManifestFolder = '/etc/kubernetes/manifests';
/** Where etcd keeps its data on the node, as kubeadm's etcd static pod does. */
export const EtcdDataDir = '/var/lib/etcd';
export const ApiServerPort = 6443;
const EtcdClientUrl = 'http://127.0.0.1:2379';
const EtcdPeerUrl = 'http://127.0.0.1:2380';
/** Every client of the API server on this node reaches it on the node's loopback. */
const LocalApiServerUrl = `http://127.0.0.1:${ApiServerPort}`;
const Image = (name: string) => `kubelab/${name}:1.0`;

/** Each manifest's file name, and its content as YAML. */
export function controlPlaneManifests(nodeName: string, options: LaunchOptions): Map<string, string> {
  const pods = [
    controlPlanePod('etcd', {
      command: [
        'etcd',
        `--name=${nodeName}`,
        `--data-dir=${EtcdDataDir}`,
        `--listen-client-urls=${EtcdClientUrl}`,
        `--advertise-client-urls=${EtcdClientUrl}`,
        `--listen-peer-urls=${EtcdPeerUrl}`,
        `--initial-advertise-peer-urls=${EtcdPeerUrl}`,
        `--initial-cluster=${nodeName}=${EtcdPeerUrl}`,
      ],
    }),
    controlPlanePod('kube-apiserver', {
      env: {
        ...settingsOf('apiserver', options),
        ETCD_ENDPOINTS: EtcdClientUrl,
        APISERVER_PORT: String(ApiServerPort),
      },
    }),
    controlPlanePod('kube-controller-manager', {
      env: { ...settingsOf('controller-manager', options), APISERVER_URL: LocalApiServerUrl },
    }),
    controlPlanePod('kube-scheduler', {
      env: { ...settingsOf('scheduler', options), APISERVER_URL: LocalApiServerUrl },
    }),
  ];
  return new Map(pods.map((pod) => [`${pod.metadata.name}.yaml`, stringify(pod)]));
}

interface ContainerParts {
  command?: string[];
  env?: Record<string, string>;
}

interface Manifest extends JsonObject {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
}

function controlPlanePod(component: string, { command, env }: ContainerParts): Manifest {
  const container: JsonObject = { name: component, image: Image(component) };
  if (command) container.command = command;
  if (env) container.env = Object.entries(env).map(([name, value]) => ({ name, value }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: component,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
    },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      containers: [container],
    },
  };
}

/** A component's settings from the cluster's options, as its container would get them. */
function settingsOf(name: string, options: LaunchOptions): Record<string, string> {
  const row = ComponentTable.find((candidate): candidate is ComponentRow => candidate.name === name);
  if (!row) throw new Error(`controlPlaneManifests: no component "${name}" in the component table`);
  return environmentOf(row, options);
}
