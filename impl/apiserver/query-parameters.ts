// Query parameters read the way kube-apiserver reads them.
//
// kube-apiserver decodes a request's query into its options types (ListOptions, DeleteOptions)
// with apimachinery's string conversions; official clients rely on their exact rules. A
// boolean is false only when the parameter is absent or is "0" or "false" in any case; any
// other value, the empty one included, is true. The Python client sends `watch=True`, kubectl
// `watch=true`: both watch.
// Real Kubernetes: staging/src/k8s.io/apimachinery/pkg/runtime/conversion.go
// (Convert_Slice_string_To_bool).

/** A boolean query parameter: undefined when absent, so a body's value can stand instead. */
export function booleanParameter(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return !(value === '0' || value.toLowerCase() === 'false');
}
