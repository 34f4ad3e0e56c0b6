// One way to wait in a scenario: poll a condition until it holds or a deadline passes.
//
// Scenarios never sleep: they state a time limit ("within 10 seconds") and poll. When the
// deadline passes, the last assertion error is rethrown, so the failure says what was still
// wrong, not just that time ran out. A failure that names an unsolved exercise (a stub's
// message, quoted by the step) is rethrown at once: a stub fails every try alike, and waiting
// out the limit only makes a student edition slower to grade.

import { unsolvedExerciseIn } from '../../exercises/catalog.js';

export interface EventuallyOptions {
  timeoutMs: number;
  intervalMs?: number;
}

export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs, intervalMs = 100 }: EventuallyOptions): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline || (error instanceof Error && unsolvedExerciseIn(error.message) !== undefined)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
