// Running the node's own commands (`ip`, `sysctl`-like writes): the runtime's only door to the kernel.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs `command args…`; rejects with what it printed on standard error. */
export async function run(command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`${command} ${args.join(' ')}: ${stderr || String(error)}`);
  }
}

/** `ip …`, from iproute2, as a CNI plugin calls it through netlink. */
export function ip(...args: string[]): Promise<string> {
  return run('ip', args);
}

/**
 * `argv` run inside the pod's network namespace; a pod on the host's network (netns '') has
 * none of its own, so its commands run as the node's do.
 */
export function inNetns(netns: string, argv: readonly string[]): string[] {
  return netns === '' ? [...argv] : ['ip', 'netns', 'exec', netns, ...argv];
}
