// OpenAPI v3: just enough of the API's self-description for kubectl's create and apply.
//
// "kubectl asks the server whether it validates fields itself." Before `kubectl create -f`
// or `apply -f` sends an object, kubectl reads /openapi/v3 to see if the PATCH operation for
// that kind takes the `fieldValidation` query parameter; if it does, kubectl leaves validation
// to the server. kubelab publishes that operation for every resource.
//
// kubelab publishes no schemas: `kubectl explain` has nothing to read, and unknown fields are
// kept rather than refused under fieldValidation=Strict. Real Kubernetes: apiserver/pkg/
// endpoints/openapi and kube-openapi's handler3; kubectl's check is cli-runtime/pkg/resource/
// query_param_verifier_v3.go.

import { createHash } from 'node:crypto';
import { groupVersion, resources, servedGroupVersions, type ResourceInfo } from './resources.js';

/** The openapi/v3 index: one document per group version, addressed by a content hash. */
export function openApiIndex(): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of servedGroupVersions()) {
    const prefix = gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
    const hash = createHash('sha512')
      .update(JSON.stringify(openApiDocument(gv.group, gv.version)))
      .digest('hex')
      .slice(0, 32)
      .toUpperCase();
    paths[prefix] = { serverRelativeURL: `/openapi/v3/${prefix}?hash=${hash}` };
  }
  return { paths };
}

export function openApiDocument(group: string, version: string): object | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version);
  if (served.length === 0) return undefined;
  const paths: Record<string, object> = {};
  for (const info of served) paths[objectPath(info)] = { patch: patchOperation(info) };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-kubelab' },
    paths,
    components: { schemas: {} },
  };
}

function patchOperation(info: ResourceInfo): object {
  return {
    operationId: `patch${info.kind}`,
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': { group: info.group, version: info.version, kind: info.kind },
    parameters: [
      { name: 'dryRun', in: 'query', schema: { type: 'string' } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
    ],
    responses: { '200': { description: 'OK' } },
  };
}

function objectPath(info: ResourceInfo): string {
  const root = info.group ? `/apis/${groupVersion(info)}` : `/api/${info.version}`;
  return info.namespaced ? `${root}/namespaces/{namespace}/${info.resource}/{name}` : `${root}/${info.resource}/{name}`;
}
