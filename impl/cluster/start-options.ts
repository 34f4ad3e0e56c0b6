// What `npm start` can be told: how many real worker nodes its cluster gets, how many
// simulated ones, and whether its control plane runs as static pods, as kubeadm runs it.
//
// `npm start -- --nodes=3` (npm hands everything after `--` to the script), `npm start --nodes=3`
// (npm keeps that one as npm_config_nodes), or KUBELAB_NODES=3; the first of these wins. The
// same three forms set `--simulated-nodes` (npm_config_simulated_nodes, KUBELAB_SIMULATED_NODES).
// By default: one control-plane node and 2 workers, all real (containers whose kubelet runs
// pods), and no simulated node. A value that is not a whole number in range is refused before
// anything starts, with the form that works. `--kubeadm` (npm_config_kubeadm, KUBELAB_KUBEADM=1)
// takes no value. Real Kubernetes: kind reads its nodes from
// `kind create cluster --config`; kwok's `kwokctl scale node --replicas=<n>` sets a count.

export const DEFAULT_NODE_COUNT = 2;
/** Each real node is a container running a kubelet and its pods' processes. */
export const MAX_NODE_COUNT = 10;
export const MAX_SIMULATED_NODE_COUNT = 100;
export const START_USAGE =
  'usage: npm start [-- --nodes=<count>] [--simulated-nodes=<count>] [--kubeadm]  (or KUBELAB_NODES=<count> npm start)';
const KubeadmFlag = { name: 'kubeadm', npmConfig: 'npm_config_kubeadm', variable: 'KUBELAB_KUBEADM' } as const;

export interface StartOptions {
  /** How many real worker nodes to start, beside the control-plane node: worker-1 … worker-<count>. */
  nodeCount: number;
  /** How many simulated nodes to create: node-1 … node-<count>. */
  simulatedNodeCount: number;
  /** The control plane as static pods on the control-plane node (impl/cluster/kubeadm), not containers. */
  kubeadm: boolean;
}

interface Flag {
  readonly name: string;
  readonly npmConfig: string;
  readonly variable: string;
  readonly fallback: number;
  readonly max: number;
}

const Flags: readonly Flag[] = [
  {
    name: 'nodes',
    npmConfig: 'npm_config_nodes',
    variable: 'KUBELAB_NODES',
    fallback: DEFAULT_NODE_COUNT,
    max: MAX_NODE_COUNT,
  },
  {
    name: 'simulated-nodes',
    npmConfig: 'npm_config_simulated_nodes',
    variable: 'KUBELAB_SIMULATED_NODES',
    fallback: 0,
    max: MAX_SIMULATED_NODE_COUNT,
  },
];

/** Read the options from the command's arguments and environment; throws on a bad value. */
export function parseStartOptions(args: readonly string[], env: NodeJS.ProcessEnv): StartOptions {
  const given = fromFlags(args);
  const [nodeCount, simulatedNodeCount] = Flags.map((flag) => {
    let value = given.get(flag.name);
    value ??=
      env[flag.npmConfig] === undefined ? undefined : { text: env[flag.npmConfig] ?? '', source: `--${flag.name}` };
    value ??= env[flag.variable] === undefined ? undefined : { text: env[flag.variable] ?? '', source: flag.variable };
    return value === undefined ? flag.fallback : parseCount(value.text, value.source, flag.max);
  }) as [number, number];
  const kubeadm = given.has(KubeadmFlag.name) || isOn(env[KubeadmFlag.npmConfig]) || isOn(env[KubeadmFlag.variable]);
  // Simulated nodes are played by the node agent, a component of the other layout only.
  if (kubeadm && simulatedNodeCount > 0)
    throw new Error(
      `npm start: --simulated-nodes needs the node agent, which runs only without --kubeadm; ${START_USAGE}`,
    );
  return { nodeCount, simulatedNodeCount, kubeadm };
}

/** npm sets npm_config_<flag> to "true" for a flag without a value; a variable may say 1. */
function isOn(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

interface GivenValue {
  text: string;
  source: string;
}

// `--nodes=3` or `--nodes 3`; the last one given wins, as with most command-line tools.
function fromFlags(args: readonly string[]): Map<string, GivenValue> {
  const given = new Map<string, GivenValue>();
  for (let index = 0; index < args.length; index++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[index] ?? '');
    if (args[index] === `--${KubeadmFlag.name}`) {
      given.set(KubeadmFlag.name, { text: 'true', source: `--${KubeadmFlag.name}` });
      continue;
    }
    const flag = Flags.find((candidate) => candidate.name === match?.[1]);
    if (match === null || flag === undefined)
      throw new Error(`npm start: unknown argument "${args[index]}"; ${START_USAGE}`);
    const text = match[2] ?? args[++index];
    if (text === undefined) throw new Error(`npm start: --${flag.name} needs a count; ${START_USAGE}`);
    given.set(flag.name, { text, source: `--${flag.name}` });
  }
  return given;
}

function parseCount(text: string, source: string, max: number): number {
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || count > max) {
    throw new Error(`npm start: ${source} must be a whole number from 0 to ${max}, not "${text}"; ${START_USAGE}`);
  }
  return count;
}
