// Quantities: `100m`, `0.5`, `128Mi`, `1G`, `1e3`, as resource requests and limits are written.
//
// "A quantity is a decimal number with a suffix." The suffix is binary (Ki … Ei, powers of
// 1024), decimal (n, u, m, k, M … E) or an exponent (`e3`). CPU is counted in millicores and
// everything else in units, both rounded up, as Quantity.MilliValue() and Value() do; two
// quantities compare exactly, so `1` and `1000m` are the same amount.
//
// Real Kubernetes: apimachinery/pkg/api/resource (quantity.go).

const BinarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DecimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QuantityPattern = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;
const ExponentPattern = /^[eE]([+-]?\d+)$/;

/** A parsed quantity: value = sign × digits × 10^exponent10 × 2^exponent2, exactly. */
interface ParsedQuantity {
  digits: bigint;
  exponent10: number;
  exponent2: number;
}

/** ceil(quantity × 1000): millicores for `cpu`. Throws on text that is not a quantity. */
export function milliValue(quantity: string | number): number {
  return scaledCeiling(parseQuantity(quantity), 3);
}

/** ceil(quantity): bytes for `memory`, a count for `pods`. Throws on text that is not a quantity. */
export function value(quantity: string | number): number {
  return scaledCeiling(parseQuantity(quantity), 0);
}

/** -1, 0 or 1 as `a` is less than, equal to or more than `b`, compared exactly (Quantity.Cmp). */
export function compareQuantities(a: string | number, b: string | number): number {
  return compareTotals([a], [b]);
}

/** Compares the sum of the quantities in `a` with the sum of those in `b`, exactly. */
export function compareTotals(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const [left, right] = [a.map(parseQuantity), b.map(parseQuantity)];
  // Every quantity as a whole number of 10^common units, so that they add up exactly.
  const common = Math.min(0, ...[...left, ...right].map((q) => q.exponent10));
  const total = (quantities: ParsedQuantity[]) =>
    quantities.reduce(
      (sum, q) => sum + q.digits * 2n ** BigInt(q.exponent2) * 10n ** BigInt(q.exponent10 - common),
      0n,
    );
  const [x, y] = [total(left), total(right)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Parses `<sign><digits>[.<digits>]<suffix>`; the suffix is binary (Ki…Ei), decimal (n…E) or `e<n>`. */
function parseQuantity(quantity: string | number): ParsedQuantity {
  const text = String(quantity).trim();
  const match = QuantityPattern.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole.length + fraction.length === 0)
    throw new Error(`parseQuantity: ${JSON.stringify(text)} is not a quantity`);
  const suffix = match[4] ?? '';
  const exponent = ExponentPattern.exec(suffix);
  const exponent10 = exponent ? Number(exponent[1]) : DecimalSuffixes[suffix];
  const exponent2 = BinarySuffixes[suffix];
  if (exponent10 === undefined && exponent2 === undefined) {
    throw new Error(`parseQuantity: ${JSON.stringify(text)} has an unknown suffix ${JSON.stringify(suffix)}`);
  }
  const digits = BigInt(whole + fraction) * (match[1] === '-' ? -1n : 1n);
  return { digits, exponent10: (exponent10 ?? 0) - fraction.length, exponent2: exponent2 ?? 0 };
}

/** ceil(quantity × 10^scale), computed exactly. */
function scaledCeiling(quantity: ParsedQuantity, scale: number): number {
  const numerator = quantity.digits * 2n ** BigInt(quantity.exponent2);
  const power = quantity.exponent10 + scale;
  if (power >= 0) return Number(numerator * 10n ** BigInt(power));
  const divisor = 10n ** BigInt(-power);
  const quotient = numerator / divisor;
  return Number(numerator > 0n && quotient * divisor !== numerator ? quotient + 1n : quotient);
}
