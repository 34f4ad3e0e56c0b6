// Canonical JSON: two objects that mean the same thing print the same.
//
// Go structs always encode their fields in one order and leave unset fields out; JSON from
// clients comes in any order, with `null` for unset fields. Comparing canonical forms tells a
// real change from a reshuffle, for the API server's no-op updates and for components that
// ignore updates that change nothing they care about.

/**
 * A form of an object for comparing, not storing: keys sorted and null fields dropped, as two
 * Go structs that decode to the same values encode to the same bytes. Clients reorder keys and
 * send `null` for unset fields; neither is a change.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== null && field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, field]) => [key, canonical(field)]));
}
