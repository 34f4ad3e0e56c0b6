import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Container, Pod, ResourceList } from '../client/types.js';
import { podQosClass } from './qos.js';

type Resources = { requests?: ResourceList; limits?: ResourceList };

function pod(containers: Resources[], initContainers: Resources[] = []): Pod {
  const container = (resources: Resources, index: number): Container => ({ name: `c${index}`, image: 'x', resources });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: containers.map(container), initContainers: initContainers.map(container) },
  } as Pod;
}

const both = { cpu: '100m', memory: '100Mi' };

test('no cpu or memory anywhere is BestEffort, other resources and zeros aside', () => {
  assert.equal(podQosClass(pod([{}])), 'BestEffort');
  assert.equal(podQosClass(pod([{ requests: { 'nvidia.com/gpu': '1' }, limits: { cpu: '0' } }])), 'BestEffort');
});

test('limits equal to requests for cpu and memory in every container is Guaranteed', () => {
  assert.equal(podQosClass(pod([{ requests: both, limits: both }])), 'Guaranteed');
  // The same amount written two ways.
  const other = { requests: { cpu: '0.1', memory: '104857600' }, limits: both };
  assert.equal(podQosClass(pod([{ requests: both, limits: both }, other])), 'Guaranteed');
});

test('a container without both limits makes the pod Burstable', () => {
  assert.equal(podQosClass(pod([{ requests: both, limits: both }, { requests: both }])), 'Burstable');
  assert.equal(podQosClass(pod([{ requests: both, limits: { cpu: '100m' } }])), 'Burstable');
  assert.equal(podQosClass(pod([{ requests: { memory: '1Gi' } }])), 'Burstable');
});

test('limits that differ from requests make the pod Burstable', () => {
  assert.equal(podQosClass(pod([{ requests: { cpu: '50m', memory: '100Mi' }, limits: both }])), 'Burstable');
});

test('init containers count too, and sums are compared, not each container', () => {
  assert.equal(podQosClass(pod([{ requests: both, limits: both }], [{ requests: { cpu: '1' } }])), 'Burstable');
  // Requests 100m + 300m against limits 200m + 200m: equal in sum, as ComputePodQOS sums them.
  const a = { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '200m', memory: '1Gi' } };
  const b = { requests: { cpu: '300m', memory: '1Gi' }, limits: { cpu: '200m', memory: '1Gi' } };
  assert.equal(podQosClass(pod([a, b])), 'Guaranteed');
});
