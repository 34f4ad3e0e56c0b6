// Wrong solutions of the exercise crash-loop-back-off: see mutant.ts.

import { type Mutant, mutantsOf } from './mutant.js';

const mutant = mutantsOf('crash-loop-back-off', 'impl/kubelet/pods/backoff.ts');

const Fresh = '    const fresh = entry === undefined || now - entry.lastUpdate > 2 * this.maxMs;\n';
const Doubled = 'Math.min(entry.delayMs * 2, this.maxMs)';

export const crashLoopBackOffMutants: Mutant[] = [
  mutant('never-doubles', 'waits the first back-off after every failure, never doubling it', [
    Doubled,
    'Math.min(entry.delayMs, this.maxMs)',
  ]),
  mutant('no-limit', 'doubles the back-off after every failure, past the longest one', [Doubled, 'entry.delayMs * 2']),
  mutant(
    'limit-before-doubling',
    'caps the last back-off at the longest, then doubles it, so it ends at twice the longest',
    [Doubled, 'Math.min(entry.delayMs, this.maxMs) * 2'],
  ),
  mutant('never-starts-over', 'never starts from the first back-off again, however long the container ran', [
    Fresh,
    '    const fresh = entry === undefined;\n',
  ]),
  mutant(
    'starts-over-too-soon',
    'starts from the first back-off again once the longest back-off has passed, not twice it, so a ' +
      'container that keeps crashing never stays at the longest',
    [Fresh, Fresh.replace('2 * this.maxMs', 'this.maxMs')],
  ),
  mutant('starts-at-the-longest', 'makes a first failure wait the longest back-off, not the first one', [
    'fresh ? this.initialMs',
    'fresh ? this.maxMs',
  ]),
];
