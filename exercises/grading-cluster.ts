// Whether this run may grade exercises: only on a cluster that runs this code.
//
// `npm test` starts a cluster from the code it graded, and so does the student-edition check.
// A run against another cluster (KUBELAB_KUBECONFIG: `npm start`'s, a real Kubernetes) checks
// the features, but what it observes is that cluster's code, not the learner's: its exercises
// are "not graded", never passed or failed. The exercise watch mode runs against its own warm
// cluster after restarting the components with the code just built, and says so by passing
// that code's hash (KUBELAB_CLUSTER_CODE_HASH); the run grades when the hash is still the code's.

import { codeHash } from './code-hash.js';

export interface GradingCluster {
  /** The hash of impl/, features/ and steps/ as this run found them. */
  codeHash: string;
  /** Whether this run started the cluster it checked (no KUBELAB_KUBECONFIG). */
  startedByRun: boolean;
  /** Whether exercises earn points in this run; `why` says why not. */
  isGraded: boolean;
  why?: string;
}

export const ClusterCodeHashVariable = 'KUBELAB_CLUSTER_CODE_HASH';

export function gradingCluster(projectDir: string, environment: NodeJS.ProcessEnv = process.env): GradingCluster {
  const hash = codeHash(projectDir);
  const startedByRun = !environment.KUBELAB_KUBECONFIG;
  if (startedByRun) return { codeHash: hash, startedByRun, isGraded: true };
  const clusterHash = environment[ClusterCodeHashVariable];
  if (clusterHash === hash) return { codeHash: hash, startedByRun, isGraded: true };
  const why = clusterHash
    ? `the cluster runs other code (${clusterHash}) than this run's (${hash}): save again to reload it`
    : 'this run did not start the cluster it checked (KUBELAB_KUBECONFIG), so it cannot tell what code it observed';
  return { codeHash: hash, startedByRun, isGraded: false, why };
}
