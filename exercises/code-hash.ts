// What code a grade was earned with: a hash of impl/, features/ and steps/.
//
// A grade is only worth something if it names what it graded. The hash covers the solution
// (impl/), the claims (features/) and how they are checked (steps/); grade.json records it, and
// a cluster started from other code cannot earn points for this one (grading-cluster.ts).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const HashedFolders = ['impl', 'features', 'steps'] as const;

/** Files below `dir`, relative to `root`, sorted; dist/ and node_modules/ are never inside these folders. */
function filesBelow(root: string, dir: string): string[] {
  const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  return entries
    .flatMap((entry) =>
      entry.isDirectory() ? filesBelow(root, path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    )
    .sort();
}

/** sha256 over each file's path and contents, the first 16 hex digits. */
export function codeHash(projectDir: string): string {
  const hash = createHash('sha256');
  for (const folder of HashedFolders) {
    for (const file of filesBelow(projectDir, folder)) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(path.join(projectDir, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
