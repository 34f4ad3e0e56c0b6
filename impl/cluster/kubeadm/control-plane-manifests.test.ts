import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parse } from 'yaml';
import type { JsonObject, KubeObject } from '../../client/types.js';
import { findImage } from '../../kubelet/images/catalogue.js';
import { controlPlaneManifests } from './control-plane-manifests.js';

const manifests = controlPlaneManifests('cp', { nodeMonitorGracePeriodSeconds: 10 });
const pod = (file: string) => parse(manifests.get(file) ?? '') as KubeObject;
const container = (file: string) => ((pod(file).spec?.containers ?? []) as JsonObject[])[0] as JsonObject;
const env = (file: string) =>
  Object.fromEntries((container(file).env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]));

it('writes the four files kubeadm init writes, each a kube-system pod on the host network', () => {
  assert.deepEqual([...manifests.keys()].sort(), [
    'etcd.yaml',
    'kube-apiserver.yaml',
    'kube-controller-manager.yaml',
    'kube-scheduler.yaml',
  ]);
  for (const file of manifests.keys()) {
    const component = file.replace('.yaml', '');
    const { metadata, spec } = pod(file);
    assert.equal(metadata.namespace, 'kube-system');
    assert.equal(metadata.name, component);
    assert.deepEqual(metadata.labels, { component, tier: 'control-plane' });
    assert.equal(spec?.hostNetwork, true);
    assert.equal(spec?.priorityClassName, 'system-node-critical');
    // Every image is one a kubelab node can run.
    assert.ok(findImage(String(container(file).image)), `${file}: no such image`);
  }
});

it('joins them on the node: the API server stores into etcd, the others call the API server', () => {
  const etcdFlags = container('etcd.yaml').command as string[];
  assert.ok(etcdFlags.includes(`--listen-client-urls=${env('kube-apiserver.yaml').ETCD_ENDPOINTS}`));
  assert.ok(etcdFlags.includes('--name=cp'));
  const apiServer = `http://127.0.0.1:${env('kube-apiserver.yaml').APISERVER_PORT}`;
  assert.equal(env('kube-scheduler.yaml').APISERVER_URL, apiServer);
  assert.equal(env('kube-controller-manager.yaml').APISERVER_URL, apiServer);
});

it("passes the cluster's options on, as each component's container would get them", () => {
  assert.equal(env('kube-controller-manager.yaml').NODE_MONITOR_GRACE_PERIOD_SECONDS, '10');
});
