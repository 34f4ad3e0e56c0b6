// The project root: the folder that holds package.json, impl/ and, once built, dist/.
//
// The cluster launcher, the grader, the lessons' build, the benchmarks and the scripts all name
// files by their path from here. It is found once, from where this file is compiled to, so no
// command depends on the folder it was started from, and nobody computes it a second time.
//
// Real Kubernetes: hack/lib/init.sh sets KUBE_ROOT once for every build and test script.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file is compiled to <project>/dist/impl/project-root.js. */
export const PROJECT_DIR = path.resolve(fileURLToPath(import.meta.url), '../../..');

/** The compiled entry point of a component, named after its folder in impl/ (`scheduler`, `kubelet`). */
export function componentMain(component: string): string {
  return path.join(PROJECT_DIR, 'dist', 'impl', component, 'main.js');
}
