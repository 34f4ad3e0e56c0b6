// A component's settings: read from its environment, with defaults, checked before it starts.
//
// Kubernetes' components take flags (`--node-monitor-grace-period=50s`); kubelab's take
// environment variables, which a container launcher sets as easily. Each setting names its
// variable, its default and what it means; a value that does not parse stops the component at
// once with a line that says which variable and why, as a bad flag stops kube-scheduler
// ("invalid argument ... for ... flag"), instead of running with NaN.
// Real Kubernetes: k8s.io/component-base/cli/flag and each component's options package.

export interface Setting<T> {
  /** The environment variable, e.g. NODE_MONITOR_GRACE_PERIOD_SECONDS. */
  readonly variable: string;
  readonly fallback: T;
  readonly description: string;
  /** The value, or throws an Error whose message says what is wrong with `raw`. */
  parse(raw: string): T;
}

export type SettingsSpec = Record<string, Setting<unknown>>;
export type SettingsOf<S extends SettingsSpec> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** A bad value: every variable that did not parse, one per line. */
export class SettingsError extends Error {}

export function stringSetting(variable: string, fallback: string, description: string): Setting<string> {
  return { variable, fallback, description, parse: (raw) => raw };
}

/** A whole number of seconds, held in milliseconds (the unit every timer here takes). */
export function secondsSetting(variable: string, fallbackSeconds: number, description: string): Setting<number> {
  return {
    variable,
    fallback: fallbackSeconds * 1000,
    description,
    parse: (raw) => nonNegative(raw, 'a number of seconds') * 1000,
  };
}

export function countSetting(variable: string, fallback: number, description: string): Setting<number> {
  return {
    variable,
    fallback,
    description,
    parse: (raw) => {
      const value = nonNegative(raw, 'a whole number');
      if (!Number.isInteger(value)) throw new Error('not a whole number');
      return value;
    },
  };
}

/** A setting that may be unset: undefined then, and the component picks (e.g. an adaptive default). */
export function optionalCountSetting(variable: string, description: string): Setting<number | undefined> {
  const count = countSetting(variable, 0, description);
  return { variable, fallback: undefined, description, parse: (raw) => count.parse(raw) };
}

export function booleanSetting(variable: string, fallback: boolean, description: string): Setting<boolean> {
  return {
    variable,
    fallback,
    description,
    parse: (raw) => {
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new Error('not true or false');
    },
  };
}

// #region read-settings
/** Every setting's value: from its variable when set and not empty, its default otherwise. */
export function readSettings<S extends SettingsSpec>(
  spec: S,
  environment: NodeJS.ProcessEnv = process.env,
): SettingsOf<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(spec)) {
    const raw = environment[setting.variable];
    if (raw === undefined || raw === '') {
      values[key] = setting.fallback;
      continue;
    }
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push(`invalid value "${raw}" for ${setting.variable} (${setting.description}): ${why}`);
    }
  }
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return values as SettingsOf<S>;
}
// #endregion read-settings

function nonNegative(raw: string, what: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) throw new Error(`not ${what}`);
  return value;
}
