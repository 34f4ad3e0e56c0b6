// Server-side printing: the columns `kubectl get` shows come from the API server.
//
// "kubectl get asks for a Table, not for objects." It sends Accept: ...;as=Table;g=meta.k8s.io
// and prints the column definitions and cells it gets back, which is why a learner sees
// READY and STATUS for pods and DESIRED/CURRENT for replica sets without kubectl knowing
// those kinds. Each row carries the object too, for -o wide, --show-labels and -A.
//
// kubelab prints the main columns of each kind. Real Kubernetes: pkg/printers/internalversion/
// printers.go (AddHandlers, printPod, ...) and apimachinery/pkg/util/duration (HumanDuration).

import type { JsonObject, JsonValue, KubeObject } from '../client/types.js';

interface Column {
  name: string;
  type: 'string' | 'integer';
  format?: string;
  priority?: number;
  cell: (object: KubeObject, now: Date) => string | number;
}

export function wantsTable(accept: string | undefined): boolean {
  return Boolean(accept?.includes('as=Table'));
}

// #region table
export function toTable(
  kind: string,
  objects: KubeObject[],
  resourceVersion: string | undefined,
  now = new Date(),
  withHeaders = true,
): object {
  const columns = columnsByKind[kind] ?? defaultColumns;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion ? { resourceVersion } : {},
    columnDefinitions: withHeaders
      ? columns.map(({ name, type, format, priority }) => ({
          name,
          type,
          format: format ?? '',
          description: name,
          priority: priority ?? 0,
        }))
      : [],
    rows: objects.map((object) => ({ cells: columns.map((column) => column.cell(object, now)), object })),
  };
}
// #endregion table

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name ?? '' };
const age: Column = { name: 'Age', type: 'string', cell: (o, now) => humanAge(o.metadata.creationTimestamp, now) };
const defaultColumns = [name, age];

const columnsByKind: Record<string, Column[]> = {
  Pod: [
    name,
    { name: 'Ready', type: 'string', cell: (pod) => `${readyContainers(pod)}/${list(pod.spec?.containers).length}` },
    { name: 'Status', type: 'string', cell: (pod) => podStatus(pod) },
    {
      name: 'Restarts',
      type: 'string',
      cell: (pod) =>
        String(
          list(pod.status?.containerStatuses).reduce<number>(
            (sum, s) => sum + Number(field(s, 'restartCount') ?? 0),
            0,
          ),
        ),
    },
    age,
    { name: 'IP', type: 'string', priority: 1, cell: (pod) => String(pod.status?.podIP ?? '<none>') },
    { name: 'Node', type: 'string', priority: 1, cell: (pod) => String(pod.spec?.nodeName ?? '<none>') },
  ],
  Node: [
    name,
    { name: 'Status', type: 'string', cell: (node) => nodeStatus(node) },
    { name: 'Roles', type: 'string', cell: (node) => nodeRoles(node) },
    age,
    { name: 'Version', type: 'string', cell: (node) => String(field(node.status?.nodeInfo, 'kubeletVersion') ?? '') },
  ],
  Namespace: [name, { name: 'Status', type: 'string', cell: (ns) => String(ns.status?.phase ?? '') }, age],
  Service: [
    name,
    { name: 'Type', type: 'string', cell: (svc) => String(svc.spec?.type ?? '') },
    { name: 'Cluster-IP', type: 'string', cell: (svc) => String(svc.spec?.clusterIP ?? '<none>') },
    { name: 'External-IP', type: 'string', cell: () => '<none>' },
    {
      name: 'Port(s)',
      type: 'string',
      cell: (svc) =>
        list(svc.spec?.ports)
          .map((p) => `${field(p, 'port')}/${field(p, 'protocol') ?? 'TCP'}`)
          .join(',') || '<none>',
    },
    age,
  ],
  Endpoints: [name, { name: 'Endpoints', type: 'string', cell: (ep) => endpointsCell(ep) }, age],
  ReplicaSet: [
    name,
    { name: 'Desired', type: 'integer', cell: (rs) => Number(rs.spec?.replicas ?? 0) },
    { name: 'Current', type: 'integer', cell: (rs) => Number(rs.status?.replicas ?? 0) },
    { name: 'Ready', type: 'integer', cell: (rs) => Number(rs.status?.readyReplicas ?? 0) },
    age,
  ],
  Deployment: [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (d) => `${Number(d.status?.readyReplicas ?? 0)}/${Number(d.spec?.replicas ?? 0)}`,
    },
    { name: 'Up-to-date', type: 'integer', cell: (d) => Number(d.status?.updatedReplicas ?? 0) },
    { name: 'Available', type: 'integer', cell: (d) => Number(d.status?.availableReplicas ?? 0) },
    age,
  ],
  ConfigMap: [
    name,
    { name: 'Data', type: 'integer', cell: (cm) => Object.keys((cm.data as object | undefined) ?? {}).length },
    age,
  ],
  Lease: [name, { name: 'Holder', type: 'string', cell: (lease) => String(lease.spec?.holderIdentity ?? '') }, age],
  Event: [
    {
      name: 'Last Seen',
      type: 'string',
      cell: (e, now) => humanAge(String(e.lastTimestamp ?? e.metadata.creationTimestamp ?? ''), now),
    },
    { name: 'Type', type: 'string', cell: (e) => String(e.type ?? '') },
    { name: 'Reason', type: 'string', cell: (e) => String(e.reason ?? '') },
    {
      name: 'Object',
      type: 'string',
      cell: (e) => {
        const o = e.involvedObject as JsonObject | undefined;
        return `${String(o?.kind ?? '').toLowerCase()}/${String(o?.name ?? '')}`;
      },
    },
    { name: 'Message', type: 'string', cell: (e) => String(e.message ?? '') },
  ],
};

function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  for (const status of list(pod.status?.containerStatuses)) {
    const waiting = field(field(status, 'state'), 'waiting');
    if (waiting && field(waiting, 'reason')) return String(field(waiting, 'reason'));
  }
  return String(pod.status?.reason ?? pod.status?.phase ?? 'Pending');
}

function readyContainers(pod: KubeObject): number {
  return list(pod.status?.containerStatuses).filter((status) => field(status, 'ready') === true).length;
}

function nodeStatus(node: KubeObject): string {
  const ready = list(node.status?.conditions).find((c) => field(c, 'type') === 'Ready');
  // printNode: Ready when True, NotReady when False or Unknown, Unknown only with no Ready condition.
  const readiness = ready === undefined ? 'Unknown' : field(ready, 'status') === 'True' ? 'Ready' : 'NotReady';
  return node.spec?.unschedulable ? `${readiness},SchedulingDisabled` : readiness;
}

function nodeRoles(node: KubeObject): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((label) => label.startsWith('node-role.kubernetes.io/'))
    .map((label) => label.slice('node-role.kubernetes.io/'.length));
  return roles.length > 0 ? roles.join(',') : '<none>';
}

function endpointsCell(endpoints: KubeObject): string {
  const entries: string[] = [];
  for (const subset of list(endpoints.subsets as JsonValue)) {
    for (const address of list(field(subset, 'addresses'))) {
      for (const port of list(field(subset, 'ports'))) entries.push(`${field(address, 'ip')}:${field(port, 'port')}`);
    }
  }
  return entries.length > 0 ? entries.join(',') : '<none>';
}

/** kubectl's HumanDuration: 45s, 5m30s, 17m, 3h20m, 2d5h, 40d. */
export function humanAge(timestamp: string | undefined, now: Date): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(timestamp)) / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (seconds < 120) return `${seconds}s`;
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (hours < 3) return `${minutes}m`;
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (days < 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  return days < 365 * 2 ? `${days}d` : `${Math.floor(days / 365)}y`;
}

function list(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function field(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}
