// What `npm start` can be told: how many simulated nodes its cluster gets.
//
// `npm start -- --nodes=3` (npm hands everything after `--` to the script), `npm start --nodes=3`
// (npm keeps that one as npm_config_nodes), or KUBELAB_NODES=3; the first of these wins, and 2
// nodes is the default. A value that is not a whole number from 0 to MAX_NODE_COUNT is refused
// before anything starts, with the form that works. Real Kubernetes: kind reads its nodes from
// `kind create cluster --config`; kwok's `kwokctl scale node --replicas=<n>` sets a count.

export const DEFAULT_NODE_COUNT = 2;
export const MAX_NODE_COUNT = 100;
export const START_USAGE = 'usage: npm start [-- --nodes=<count>]  (or KUBELAB_NODES=<count> npm start)';

export interface StartOptions {
  /** How many simulated nodes to create: node-1 … node-<count>. */
  nodeCount: number;
}

/** Read the options from the command's arguments and environment; throws on a bad value. */
export function parseStartOptions(args: readonly string[], env: NodeJS.ProcessEnv): StartOptions {
  let nodes = fromFlag(args);
  nodes ??= env.npm_config_nodes === undefined ? undefined : { text: env.npm_config_nodes, source: '--nodes' };
  nodes ??= env.KUBELAB_NODES === undefined ? undefined : { text: env.KUBELAB_NODES, source: 'KUBELAB_NODES' };
  return { nodeCount: nodes === undefined ? DEFAULT_NODE_COUNT : parseNodeCount(nodes.text, nodes.source) };
}

interface GivenValue {
  text: string;
  source: string;
}

// `--nodes=3` or `--nodes 3`; the last one given wins, as with most command-line tools.
function fromFlag(args: readonly string[]): GivenValue | undefined {
  let given: GivenValue | undefined;
  for (let index = 0; index < args.length; index++) {
    const match = /^--nodes(?:=(.*))?$/.exec(args[index] ?? '');
    if (match === null) throw new Error(`npm start: unknown argument "${args[index]}"; ${START_USAGE}`);
    const text = match[1] ?? args[++index];
    if (text === undefined) throw new Error(`npm start: --nodes needs a count; ${START_USAGE}`);
    given = { text, source: '--nodes' };
  }
  return given;
}

function parseNodeCount(text: string, source: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || count > MAX_NODE_COUNT) {
    const wanted = `a whole number from 0 to ${MAX_NODE_COUNT}`;
    throw new Error(`npm start: ${source} must be ${wanted}, not "${text}"; ${START_USAGE}`);
  }
  return count;
}
