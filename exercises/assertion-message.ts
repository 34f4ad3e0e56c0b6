// Expected and actual, read back from a failed step's error message.
//
// Cucumber keeps only the text of a step's error, so the grader reads node:assert's message
// formats: "3 !== 5" for a strict equal, and a diff under "+ actual - expected" for a deep
// equal (only the differing lines are kept). Any other error is its own first line, shown as
// what actually happened; the expected side then is the scenario's own Then step.

const Legend = /^\+ actual - expected$/;
const StrictInequality = /^(.+) !== (.+)$/;
const AssertHeader = /^(Expected values to be|The expression evaluated to)/;
const MaxValuesLength = 240;

export interface Outcome {
  expected?: string;
  actual: string;
}

/** What a failed step expected and what it got, from its error message. */
export function outcomeOf(message: string): Outcome {
  const lines = message.split('\n');
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  const custom = AssertHeader.test(first) ? undefined : first;
  const legend = lines.findIndex((line) => Legend.test(line.trim()));
  if (legend !== -1) {
    const diff = lines.slice(legend + 1);
    const side = (sign: string) =>
      diff
        .filter((line) => line.startsWith(`${sign} `))
        .map((line) => line.slice(2).trim().replace(/,$/, ''))
        .join(', ');
    return withCustom({ expected: side('-'), actual: side('+') }, custom);
  }
  const inequality = lines.map((line) => StrictInequality.exec(line.trim())).find((match) => match !== null);
  if (inequality) return withCustom({ expected: inequality[2] ?? '', actual: inequality[1] ?? '' }, custom);
  return { actual: first };
}

/**
 * A custom assertion message says what was wrong in words: keep it beside short values, and
 * alone instead of long ones (a whole error object printed as a diff helps nobody).
 */
function withCustom(outcome: Outcome, custom: string | undefined): Outcome {
  const isLong = outcome.actual.length + (outcome.expected?.length ?? 0) > MaxValuesLength;
  if (custom === undefined)
    return isLong ? { expected: shorten(outcome.expected), actual: shorten(outcome.actual) ?? '' } : outcome;
  return isLong ? { actual: custom } : { expected: outcome.expected, actual: `${outcome.actual} (${custom})` };
}

function shorten(text: string | undefined): string | undefined {
  return text !== undefined && text.length > MaxValuesLength ? `${text.slice(0, MaxValuesLength)}…` : text;
}
