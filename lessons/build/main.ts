// Entry for the course site: `build` writes lessons/dist; `serve` builds, then serves it.
//
//   npm run lessons:build     node dist/lessons/build/main.js build
//   npm run lessons           node dist/lessons/build/main.js serve
//
// The port is LESSONS_PORT, or the first free one from 4321 on. The server runs until Ctrl-C.

import { buildSite } from './site.js';
import { serveDirectory, type ServedSite } from './static-server.js';

const DefaultPort = 4321;
const PortsToTry = 20;

const command = process.argv[2] ?? 'build';
if (command !== 'build' && command !== 'serve') {
  console.error('usage: node dist/lessons/build/main.js build|serve');
  process.exit(2);
}

try {
  const started = performance.now();
  const site = await buildSite();
  console.log(
    `Built ${site.pages.length} pages into lessons/dist in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (command === 'serve') {
    const served = await serveOnFreePort(site.directory);
    console.log(`\nThe course is at ${served.url}\nPress Ctrl-C to stop.`);
    process.once('SIGINT', () => void served.close().then(() => process.exit(0)));
    process.once('SIGTERM', () => void served.close().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

async function serveOnFreePort(directory: string): Promise<ServedSite> {
  const requested = process.env.LESSONS_PORT;
  if (requested !== undefined) return serveDirectory(directory, Number(requested));
  for (let port = DefaultPort; port < DefaultPort + PortsToTry; port++) {
    try {
      return await serveDirectory(directory, port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return serveDirectory(directory, 0);
}
