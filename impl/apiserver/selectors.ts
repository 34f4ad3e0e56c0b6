// Label and field selectors: which objects a list or a watch returns.
//
// "Labels select objects; fields select by a few well-known attributes." A label selector is a
// comma-separated AND of requirements (`app=web`, `tier!=db`, `env in (a,b)`, `!canary`); a
// field selector compares only the fields a resource declares as selectable
// (metadata.name and metadata.namespace everywhere, spec.nodeName and status.phase on pods, ...),
// and any other field is refused.
//
// kubelab filters after reading from etcd, as the real API server does; it has no indexes.
// Real Kubernetes: apimachinery/pkg/labels/selector.go (Parse), apimachinery/pkg/fields/
// selector.go, and each resource's GetAttrs / field label conversion in pkg/registry.

import type { KubeObject } from '../client/types.js';
import { badRequest } from './errors.js';

export type Operator = 'exists' | 'doesNotExist' | 'equals' | 'notEquals' | 'in' | 'notIn';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Selector = Requirement[];

// #region label-selector
export function parseLabelSelector(text: string): Selector {
  const requirements: Selector = [];
  for (const part of splitTopLevel(text)) {
    const term = part.trim();
    if (term === '') continue;
    requirements.push(parseRequirement(term));
  }
  return requirements;
}

export function matchesLabels(selector: Selector, labels: Record<string, string> = {}): boolean {
  return selector.every((requirement) => {
    const value = Object.hasOwn(labels, requirement.key) ? labels[requirement.key] : undefined;
    return operators[requirement.operator](value, requirement.values);
  });
}

/** Each operator, given the label's value (undefined when the label is absent). */
const operators: Record<Operator, (value: string | undefined, values: string[]) => boolean> = {
  exists: (value) => value !== undefined,
  doesNotExist: (value) => value === undefined,
  equals: (value, values) => value !== undefined && value === values[0],
  notEquals: (value, values) => value === undefined || value !== values[0],
  in: (value, values) => value !== undefined && values.includes(value),
  notIn: (value, values) => value === undefined || !values.includes(value),
};
// #endregion label-selector

const setPattern = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const comparePattern = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s!=]*)$/;
const keyPattern = /^(!?)([A-Za-z0-9][-A-Za-z0-9_./]*)$/;

function parseRequirement(term: string): Requirement {
  const set = setPattern.exec(term);
  if (set) {
    const values = (set[3] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { key: set[1] ?? '', operator: set[2] === 'in' ? 'in' : 'notIn', values };
  }
  const compare = comparePattern.exec(term);
  if (compare) {
    return {
      key: compare[1] ?? '',
      operator: compare[2] === '!=' ? 'notEquals' : 'equals',
      values: [compare[3] ?? ''],
    };
  }
  const key = keyPattern.exec(term);
  if (key) return { key: key[2] ?? '', operator: key[1] ? 'doesNotExist' : 'exists', values: [] };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, or identifier`);
}

/** Splits on commas that are not inside `( )`, so `env in (a,b),app=web` has two terms. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

// #region field-selector
export interface FieldRequirement {
  field: string;
  isNegated: boolean;
  value: string;
}

/** Fields every resource can be selected on, and the extra ones a few resources add. */
const commonFields = ['metadata.name', 'metadata.namespace'];
const extraFields: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: ['spec.unschedulable'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  namespaces: ['status.phase'],
  replicasets: ['status.replicas'],
};

export function parseFieldSelector(text: string, resource: string): FieldRequirement[] {
  const allowed = [...commonFields, ...(extraFields[resource] ?? [])];
  const requirements: FieldRequirement[] = [];
  for (const term of text.split(',')) {
    if (term.trim() === '') continue;
    const match = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = match[1] ?? '';
    if (!allowed.includes(field)) throw badRequest(`field label not supported: ${field}`);
    requirements.push({ field, isNegated: match[2] === '!=', value: match[3] ?? '' });
  }
  return requirements;
}

export function matchesFields(requirements: FieldRequirement[], object: KubeObject): boolean {
  return requirements.every(({ field, isNegated, value }) => (fieldValue(object, field) === value) !== isNegated);
}
// #endregion field-selector

/** A dotted path's value as a selector compares it: a string, and "" when absent. */
function fieldValue(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}
