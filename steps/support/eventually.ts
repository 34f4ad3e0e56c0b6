// One way to wait in a scenario: poll a condition until it holds or a deadline passes.
//
// Scenarios never sleep: they state a time limit ("within 10 seconds") and poll. When the
// deadline passes, the last assertion error is rethrown, so the failure says what was still
// wrong, not just that time ran out. A wait whose outcome is already settled ends at once: a
// failure that names an unsolved exercise (a stub's message, quoted by the step) fails every
// try alike, and so does a wait on a component that has reported reaching a stub for this
// scenario (stub-reports.ts), and so does a check that throws a SettledFailure: what it saw
// can no longer come right (a history that went wrong stays wrong). Waiting out the limit would
// only make a student edition, or a wrong solution, slower to grade.

import { unsolvedExerciseIn } from '../../exercises/catalog.js';

export interface EventuallyOptions {
  timeoutMs: number;
  intervalMs?: number;
}

/** Why waiting any longer is pointless, if it is; the hooks set it while a scenario runs. */
let settledOutcome: (() => string | undefined) | undefined;

export function endWaitsWhen(settled: (() => string | undefined) | undefined): void {
  settledOutcome = settled;
}

/** A failure no later try can mend: `eventually` ends with it at once. */
export class SettledFailure extends Error {}

export async function eventually<T>(
  check: () => Promise<T> | T,
  { timeoutMs, intervalMs = 100 }: EventuallyOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline || error instanceof SettledFailure) throw error;
      if (error instanceof Error && unsolvedExerciseIn(error.message) !== undefined) throw error;
      const settled = settledOutcome?.();
      if (settled !== undefined) throw withReason(error, settled);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The check's own failure, which says what was still wrong, followed by why the wait ended early. */
function withReason(error: unknown, reason: string): Error {
  if (!(error instanceof Error)) return new Error(`${String(error)}\n${reason}`);
  error.message += `\n${reason}`;
  return error;
}
