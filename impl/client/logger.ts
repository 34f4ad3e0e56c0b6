// A tiny structured logger, tagged with the component that writes.
//
// Every kubelab process logs one line per event: time, level, component, message, then
// key=value pairs, so that a failed scenario's attached logs read like klog's structured
// output and can be grepped by key.
//
// Real Kubernetes: k8s.io/klog/v2 (InfoS, ErrorS) with contextual loggers per controller.

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  with(fields: Record<string, unknown>): Logger;
}

export function createLogger(
  component: string,
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit = (level: string, message: string, fields: Record<string, unknown> = {}) => {
    const pairs = Object.entries({ ...base, ...fields }).map(([key, value]) => `${key}=${format(value)}`);
    write([new Date().toISOString(), level, component, JSON.stringify(message), ...pairs].join(' '));
  };
  return {
    info: (message, fields) => emit('I', message, fields),
    error: (message, fields) => emit('E', message, fields),
    with: (fields) => createLogger(component, { ...base, ...fields }, write),
  };
}

function format(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /^[\w./:-]*$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? 'undefined';
}
