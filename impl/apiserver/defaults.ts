// Defaulting: the fields the API server fills in when a client leaves them out.
//
// "What you get back is more than what you sent." A pod with only a name and an image comes
// back with restartPolicy Always, the default scheduler, a 30 second grace period and an image
// pull policy; a deployment gets one replica and a 25%/25% rolling update. Defaults are applied
// to every object that arrives, before validation, so validation and storage never see holes.
//
// kubelab defaults the fields its components read. Real Kubernetes: pkg/apis/core/v1/defaults.go
// and pkg/apis/apps/v1/defaults.go, run by the codec while decoding a request.

import type { JsonObject, JsonValue, KubeObject } from '../client/types.js';

type Defaulter = (object: KubeObject) => void;

export function applyDefaults(object: KubeObject): void {
  if (object.kind) defaulters[object.kind]?.(object);
}

// #region defaulters
const defaulters: Record<string, Defaulter> = {
  Pod: (pod) => {
    pod.spec = defaultPodSpec(pod.spec ?? {});
    // A pod's, not a template's: a limit stands in for its missing request (SetDefaults_Pod).
    for (const container of [...objects(pod.spec.containers), ...objects(pod.spec.initContainers)])
      defaultRequestsToLimits(container);
  },
  ReplicaSet: (rs) => {
    const spec = specOf(rs);
    spec.replicas ??= 1;
    defaultTemplate(spec);
  },
  Deployment: (deployment) => {
    const spec = specOf(deployment);
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    const strategy = childObject(spec, 'strategy', {});
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxUnavailable: '25%', maxSurge: '25%' };
    defaultTemplate(spec);
  },
  Service: (service) => {
    const spec = specOf(service);
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    for (const port of objects(spec.ports)) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port ?? null;
    }
  },
  Namespace: (namespace) => {
    specOf(namespace).finalizers ??= ['kubernetes'];
  },
};
// #endregion defaulters

function defaultTemplate(spec: JsonObject): void {
  const template = childObject(spec, 'template', {});
  template.spec = defaultPodSpec(childObject(template, 'spec', {}));
}

function specOf(object: KubeObject): JsonObject {
  object.spec ??= {};
  return object.spec;
}

/** The object at parent[key], created from `initial` if missing. */
function childObject(parent: JsonObject, key: string, initial: JsonObject): JsonObject {
  const value = parent[key];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  parent[key] = initial;
  return initial;
}

function defaultPodSpec(spec: JsonObject): JsonObject {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const container of objects(spec.containers)) {
    container.imagePullPolicy ??= defaultPullPolicy(container.image);
    container.terminationMessagePath ??= '/dev/termination-log';
    container.terminationMessagePolicy ??= 'File';
    container.resources ??= {};
    for (const port of objects(container.ports)) port.protocol ??= 'TCP';
  }
  return spec;
}

function defaultRequestsToLimits(container: JsonObject): void {
  const resources = childObject(container, 'resources', {});
  const limits = resources.limits;
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) return;
  const requests = childObject(resources, 'requests', {});
  for (const [name, limit] of Object.entries(limits)) requests[name] ??= limit;
}

/** `:latest` or no tag means Always, any other tag IfNotPresent (SetDefaults_Container). */
function defaultPullPolicy(image: JsonValue | undefined): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const lastSegment = image.split('/').pop() ?? image;
  const tag = lastSegment.includes('@') ? undefined : lastSegment.split(':')[1];
  return tag === undefined && !lastSegment.includes('@') ? 'Always' : tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function objects(value: JsonValue | undefined): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is JsonObject => entry !== null && typeof entry === 'object' && !Array.isArray(entry),
  );
}
