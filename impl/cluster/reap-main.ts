// Entry: remove every container and network a process owns. kubelab's own small Ryuk.
//
// A process that exits with a cluster still up cannot wait for the engine from its 'exit'
// handler, so ownership.ts runs this synchronously as a child: `node reap-main.js <owner-pid>`.
// It is best effort; whatever it misses is removed at the next start, once the owner is gone.
// Real Kubernetes has no counterpart; testcontainers' Ryuk (testcontainers/moby-ryuk) does this.
import { containerEngine } from './container-engine.js';
import { removeOwned } from './ownership.js';

const USAGE = 'usage: node reap-main.js <owner-pid>';

const ownerPid = Number(process.argv[2]);
if (!Number.isInteger(ownerPid) || ownerPid <= 0) {
  throw new Error(`reap-main: ${USAGE}`);
}
const removed = await removeOwned(await containerEngine(), { ownerPid });
for (const resource of removed) {
  console.error(
    `kubelab: removed ${resource.kind} ${resource.name} of cluster "${resource.cluster}", ` +
      `left up by process ${ownerPid} at its exit`,
  );
}
