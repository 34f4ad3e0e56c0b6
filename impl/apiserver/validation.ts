// Validation: what makes an object acceptable, and the exact words used to refuse it.
//
// "The API server validates every object before it is stored; an invalid one gets
// 422 Invalid with one cause per bad field." Names follow DNS rules that depend on the
// resource (most are RFC 1123 subdomains, namespaces RFC 1123 labels, services DNS-1035
// labels); each kind then checks its own required fields.
//
// kubelab checks the fields its components rely on, not every rule of the real validators.
// Real Kubernetes: apimachinery/pkg/util/validation/validation.go (IsDNS1123Subdomain, ...),
// pkg/apis/core/validation/validation.go and pkg/apis/apps/validation/validation.go.

import type { JsonObject, JsonValue, KubeObject } from '../client/types.js';
import type { FieldError } from './errors.js';
import type { ResourceInfo } from './resources.js';

// #region name-rules
export const Dns1123SubdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
  "and must start and end with an alphanumeric character (e.g. 'example.com', " +
  "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const Dns1123LabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', " +
  "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', " +
  "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const Dns1035LabelMessage =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', " +
  "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', " +
  "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

type NameRule = 'subdomain' | 'label' | 'dns1035';

/** Which rule names of each resource follow (ValidateObjectMeta's nameFn per kind). */
const nameRules: Record<string, NameRule> = { namespaces: 'label', services: 'dns1035' };

export function nameErrors(resource: string, name: string): string[] {
  const rule = nameRules[resource] ?? 'subdomain';
  const errors: string[] = [];
  const maxLength = rule === 'subdomain' ? 253 : 63;
  if (name.length > maxLength) errors.push(`must be no more than ${maxLength} characters`);
  if (rule === 'subdomain' && !dns1123Subdomain.test(name)) errors.push(Dns1123SubdomainMessage);
  if (rule === 'label' && !dns1123Label.test(name)) errors.push(Dns1123LabelMessage);
  if (rule === 'dns1035' && !dns1035Label.test(name)) errors.push(Dns1035LabelMessage);
  return errors;
}
// #endregion name-rules

export function validateObject(info: ResourceInfo, object: KubeObject): FieldError[] {
  return [...validateMetadata(info, object), ...(kindValidators[info.kind]?.(object) ?? [])];
}

/** A label key: an optional prefix (an RFC 1123 subdomain and a slash), then a name of at most 63 characters. */
const labelKeyPrefix = /([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?/;
const labelKeyName = /[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?/;
const labelKey = new RegExp(`^${labelKeyPrefix.source}${labelKeyName.source}$`);

function validateMetadata(info: ResourceInfo, object: KubeObject): FieldError[] {
  const name = object.metadata.name;
  if (!name)
    return [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }];
  const errors: FieldError[] = nameErrors(info.resource, name).map((detail) => ({
    type: 'FieldValueInvalid',
    field: 'metadata.name',
    value: name,
    detail,
  }));
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
    ) {
      errors.push({
        type: 'FieldValueInvalid',
        field: `metadata.labels`,
        value,
        detail:
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', " +
          "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', " +
          "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      });
    }
    if (!labelKey.test(key)) {
      errors.push({
        type: 'FieldValueInvalid',
        field: 'metadata.labels',
        value: key,
        detail:
          "name part must consist of alphanumeric characters, '-', '_' or '.', " +
          "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " +
          "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      });
    }
  }
  return errors;
}

type KindValidator = (object: KubeObject) => FieldError[];

// #region kind-validation
const kindValidators: Record<string, KindValidator> = {
  Pod: (pod) => validatePodSpec(asObject(pod.spec), 'spec'),
  ReplicaSet: (rs) => validateReplicated(asObject(rs.spec)),
  Deployment: (deployment) => validateReplicated(asObject(deployment.spec)),
  Service: (service) => validateServiceSpec(asObject(service.spec)),
};

function validatePodSpec(spec: JsonObject | undefined, path: string): FieldError[] {
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [{ type: 'FieldValueRequired', field: `${path}.containers`, detail: '' }];
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((entry, index) => {
    const container = asObject(entry) ?? {};
    const field = `${path}.containers[${index}]`;
    const name = container.name;
    if (typeof name !== 'string' || name === '') {
      errors.push({ type: 'FieldValueRequired', field: `${field}.name`, detail: '' });
    } else if (!dns1123Label.test(name)) {
      errors.push({ type: 'FieldValueInvalid', field: `${field}.name`, value: name, detail: Dns1123LabelMessage });
    } else if (seen.has(name)) {
      errors.push({ type: 'FieldValueDuplicate', field: `${field}.name`, value: name });
    }
    if (typeof name === 'string') seen.add(name);
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      errors.push({ type: 'FieldValueRequired', field: `${field}.image`, detail: '' });
    }
  });
  const policy = spec?.restartPolicy;
  if (policy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(policy))) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: `${path}.restartPolicy`,
      value: policy,
      detail: 'supported values: "Always", "OnFailure", "Never"',
    });
  }
  return errors;
}

function validateReplicated(spec: JsonObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const replicas = spec?.replicas;
  if (typeof replicas === 'number' && replicas < 0) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.replicas',
      value: replicas,
      detail: 'must be greater than or equal to 0',
    });
  }
  const selector = asObject(spec?.selector);
  const matchLabels = asObject(selector?.matchLabels) ?? {};
  if (!selector || (Object.keys(matchLabels).length === 0 && !Array.isArray(selector.matchExpressions))) {
    errors.push({ type: 'FieldValueRequired', field: 'spec.selector', detail: '' });
  }
  const template = asObject(spec?.template);
  const templateLabels = asObject(asObject(template?.metadata)?.labels) ?? {};
  const isMatching = Object.entries(matchLabels).every(([key, value]) => templateLabels[key] === value);
  if (selector && !isMatching) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.template.metadata.labels',
      value: templateLabels,
      detail: '`selector` does not match template `labels`',
    });
  }
  return [...errors, ...validatePodSpec(asObject(template?.spec), 'spec.template.spec')];
}

function validateServiceSpec(spec: JsonObject | undefined): FieldError[] {
  const ports = spec?.ports;
  const isHeadless = spec?.clusterIP === 'None';
  if (!Array.isArray(ports) || ports.length === 0) {
    return isHeadless || spec?.type === 'ExternalName'
      ? []
      : [{ type: 'FieldValueRequired', field: 'spec.ports', detail: '' }];
  }
  const errors: FieldError[] = [];
  ports.forEach((entry, index) => {
    const port = asObject(entry)?.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push({
        type: 'FieldValueInvalid',
        field: `spec.ports[${index}].port`,
        value: port ?? 0,
        detail: 'must be between 1 and 65535, inclusive',
      });
    }
  });
  return errors;
}
// #endregion kind-validation

function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
