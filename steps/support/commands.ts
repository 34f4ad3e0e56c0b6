// The command-line doors a learner uses: kubectl against the API server, etcdctl against etcd.
//
// Both run the real binaries, never a library stand-in, so what a scenario sees is what a
// learner typing the same command would see.

import { execFile } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function runCommand(
  file: string,
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`runCommand: ${file} ${args.join(' ')} could not run: ${error.message}`));
          return;
        }
        resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** One key as `etcdctl get -w json` reports it. */
export interface EtcdKeyValue {
  key: string;
  value: string;
  modRevision: number;
  createRevision: number;
}

export function parseEtcdctlJson(stdout: string): { revision: number; kvs: EtcdKeyValue[] } {
  const parsed = JSON.parse(stdout) as {
    header: { revision: number };
    kvs?: Array<{ key: string; value?: string; mod_revision: number; create_revision: number }>;
  };
  const decode = (text: string | undefined) => Buffer.from(text ?? '', 'base64').toString('utf8');
  return {
    revision: parsed.header.revision,
    kvs: (parsed.kvs ?? []).map((kv) => ({
      key: decode(kv.key),
      value: decode(kv.value),
      modRevision: kv.mod_revision,
      createRevision: kv.create_revision,
    })),
  };
}
