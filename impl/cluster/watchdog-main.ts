// Entry: `node watchdog-main.js <owner-pid> <cluster>`, started by owner-watchdog.ts.
//
// Its stdin is the lifeline from the owner. It waits for that pipe to end. If the owner wrote
// that it released the cluster, there is nothing to do. Otherwise the owner has ended, or is
// ending: once its pid is gone (a zombie counts as gone), the watchdog removes every container
// and network of that cluster labelled with that owner, and says so on stderr. It looks twice,
// LATE_CREATE_WAIT_MS apart, for a create the owner sent just before it died. The kubeconfig
// and cluster.json go too, if they name that cluster's etcd and not a newer one's. An owner
// still alive OWNER_EXIT_WAIT_MS after the pipe ended keeps its cluster: it is not the
// watchdog's. Real Kubernetes has no counterpart; testcontainers' Ryuk (testcontainers/moby-ryuk)
// does this.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readClusterFile, removeClusterFile } from './cluster-file.js';
import { PROJECT_DIR } from '../project-root.js';
import { RELEASE_MESSAGE } from './owner-watchdog.js';
import { isProcessAlive, type OwnedResource, removeOwned } from './ownership.js';

const USAGE = 'usage: node watchdog-main.js <owner-pid> <cluster>';
const OWNER_EXIT_WAIT_MS = 5_000;
const POLL_INTERVAL_MS = 100;
const LATE_CREATE_WAIT_MS = 2_000;

const ownerPid = Number(process.argv[2]);
const cluster = process.argv[3] ?? '';
if (!Number.isInteger(ownerPid) || ownerPid <= 0 || !cluster) {
  throw new Error(`watchdog-main: ${USAGE}`);
}
// The engine client (testcontainers) is loaded only when there is something to remove: loaded
// at once, it would cost the owner's cluster start half a second of a busy processor.
const engine = async () => (await import('./container-engine.js')).containerEngine();

let received = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  received += chunk;
});
process.stdin.on('error', () => {});
// The engine client may keep sockets open: exit explicitly once the work is done.
process.stdin.on('close', () => {
  onLifelineEnd().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`kubelab: the watchdog of cluster "${cluster}" could not remove it: ${String(error)}`);
      process.exit(1);
    },
  );
});

async function onLifelineEnd(): Promise<void> {
  if (received.includes(RELEASE_MESSAGE)) return;
  if (!(await isGoneWithin(ownerPid, OWNER_EXIT_WAIT_MS))) return;
  const client = await engine();
  const removed = await removeOwned(client, { ownerPid, cluster });
  // A create the owner sent just before it died may still be under way in the engine.
  await new Promise((resolve) => setTimeout(resolve, LATE_CREATE_WAIT_MS));
  removed.push(...(await removeOwned(client, { ownerPid, cluster })));
  for (const resource of removed) {
    console.error(`kubelab: removed ${resource.kind} ${resource.name}: its owner, process ${ownerPid}, is gone`);
  }
  await removeFilesOf(removed);
}

// The files cluster.ts writes under .kubelab/<cluster>/, as its stop() removes them.
async function removeFilesOf(removed: OwnedResource[]): Promise<void> {
  const kubeconfigPath = path.join(PROJECT_DIR, '.kubelab', cluster, 'kubeconfig');
  const etcdId = readClusterFile(kubeconfigPath)?.containerIds?.etcd;
  if (!removed.some((resource) => resource.id === etcdId)) return;
  await rm(kubeconfigPath, { force: true });
  await removeClusterFile(kubeconfigPath);
}

async function isGoneWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return true;
}
