// Request info: what a URL and an HTTP method ask for, in the API server's own terms.
//
// "Every API request names a verb, a group, a version, a resource, maybe a namespace, a name
// and a subresource." GET /api/v1/namespaces/default/pods/nginx is (get, "", v1, pods,
// default, nginx); the same URL without the name is a list, and a watch if ?watch=true (or
// any value but 0 and false, as kube-apiserver reads booleans).
// Authorization, admission and the trace all speak in these terms, never in URLs.
//
// Real Kubernetes: apiserver/pkg/endpoints/request/requestinfo.go (RequestInfoFactory).

import { booleanParameter } from './query-parameters.js';

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
}

const namespaceSubresources = ['status', 'finalize'];
const methodVerbs: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
  GET: 'get',
  HEAD: 'get',
};

// #region request-info
export function parseRequestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const segments = path.split('/').filter((segment) => segment !== '');
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: (method ?? 'GET').toLowerCase(),
    apiGroup: '',
    apiVersion: '',
  };
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) {
    info.apiVersion = segments[1] ?? '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    info.apiGroup = segments[1] ?? '';
    info.apiVersion = segments[2] ?? '';
    rest = segments.slice(3);
  } else {
    return info;
  }
  if (rest.length === 0) return info;
  info.isResourceRequest = true;
  // /namespaces/{ns}/{resource}/... is namespaced; /namespaces/{ns} alone is the namespace itself,
  // and so are /namespaces/{ns}/status and /namespaces/{ns}/finalize, its subresources.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSubresources.includes(rest[2] ?? '')) {
    info.namespace = rest[1];
    rest = rest.slice(2);
  }
  [info.resource, info.name, info.subresource] = rest;
  if (rest.length > 3) info.subresource = rest.slice(2).join('/');
  info.verb = verbFor(method, info.name, url);
  return info;
}
// #endregion request-info

function verbFor(method: string, name: string | undefined, url: URL): string {
  const verb = methodVerbs[method] ?? method.toLowerCase();
  if (verb === 'get' && !name) return isWatch(url) ? 'watch' : 'list';
  if (verb === 'delete' && !name) return 'deletecollection';
  return verb;
}

export function isWatch(url: URL): boolean {
  return booleanParameter(url.searchParams, 'watch') ?? false;
}
