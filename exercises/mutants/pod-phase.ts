// Wrong solutions of the exercise pod-phase: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('pod-phase', 'impl/kubelet/pods/pod-phase.ts');

const WaitingToRestart = `    } else if (container.lastState.terminated) {
      // Waiting to be restarted after it ran: it counts as stopped, not as never started.
      stopped++;
    } else waiting++;
`;
const InitFailedUnderNever = `  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
`;
const PendingCheck = `  if (pendingInit > 0 || waiting > 0) return 'Pending';
`;

export const podPhaseMutants: Mutant[] = [
  mutant(
    'restarting-is-pending',
    'counts a container waiting to be restarted as one that never started, so a crash-looping pod goes back to Pending',
    [WaitingToRestart, '    } else waiting++;\n'],
  ),
  mutant(
    'never-failure-runs-on',
    'forgets that under Never a failed container is final, so the pod stays Running instead of Failed',
    ["    return restartPolicy === 'Never' ? 'Failed' : 'Running';\n", "    return 'Running';\n"],
  ),
  mutant(
    'init-failure-ignored',
    'never fails the pod for a failed init container, so under Never it stays Pending forever',
    [InitFailedUnderNever, ''],
  ),
  mutant(
    'one-success-is-enough',
    'calls the pod Succeeded as soon as one container exited 0, not only when all of them did',
    ["    if (stopped === succeeded) return 'Succeeded';\n", "    if (succeeded > 0) return 'Succeeded';\n"],
  ),
  mutant(
    'init-failure-fails-any-policy',
    'fails the pod for a failed init container whatever the policy, though OnFailure and Always run it again',
    [InitFailedUnderNever, "  if (failedInit > 0) return 'Failed';\n"],
  ),
  mutant(
    'failure-before-running',
    'fails the pod under Never as soon as one container failed, although another one still runs',
    [PendingCheck, `  if (restartPolicy === 'Never' && stopped > succeeded) return 'Failed';\n${PendingCheck}`],
  ),
];
