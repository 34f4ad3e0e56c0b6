// LabelSelector: the structured selector objects carry (matchLabels and matchExpressions).
//
// "A ReplicaSet owns the pods its selector matches." Controllers evaluate the selector in
// their spec against the labels of objects in their cache; an empty selector matches nothing
// here, as Kubernetes' controllers treat it.
//
// Real Kubernetes: apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector).

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  const matchLabels = Object.entries(selector?.matchLabels ?? {});
  const expressions = selector?.matchExpressions ?? [];
  if (matchLabels.length === 0 && expressions.length === 0) return false;
  return (
    matchLabels.every(([key, value]) => labels[key] === value) &&
    expressions.every((requirement) => requirementMatches(requirement, labels))
  );
}

function requirementMatches(
  { key, operator, values = [] }: LabelSelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const value = labels[key];
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}
