// The repository as lessons see it: files named by their path from the repository root.
//
// A lesson names `features/api/watch.feature` or `impl/store/store.ts`, never a machine path,
// and the build reads the file as it is at build time. A name that leaves the repository or
// does not exist stops the build with the lesson's own words for it.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../impl/project-root.js';

export function repositoryPath(relativePath: string): string {
  const absolute = path.resolve(PROJECT_DIR, relativePath);
  if (!absolute.startsWith(PROJECT_DIR + path.sep))
    throw new Error(`repositoryPath: "${relativePath}" is outside the repository`);
  return absolute;
}

export function readRepositoryFile(relativePath: string): string {
  const absolute = repositoryPath(relativePath);
  if (!existsSync(absolute)) throw new Error(`readRepositoryFile: "${relativePath}" does not exist`);
  return readFileSync(absolute, 'utf8');
}
