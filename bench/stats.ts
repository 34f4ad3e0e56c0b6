// Measuring helpers for the benchmarks: run operations at a concurrency, collect latencies,
// report throughput and percentiles.

export interface Measurement {
  operations: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs `operation(i)` for i in [0, total) with `concurrency` workers, timing each call. */
export async function measure(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      const begin = performance.now();
      await operation(index);
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, seconds);
}

export function summarize(latencies: number[], seconds: number): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    operations: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export function formatRow(label: string, m: Measurement): string {
  const rate = `${m.perSecond.toFixed(0).padStart(8)}/s`;
  const p50 = `p50 ${m.p50Ms.toFixed(2).padStart(8)} ms`;
  const p99 = `p99 ${m.p99Ms.toFixed(2).padStart(8)} ms`;
  return `${label.padEnd(44)} ${rate}   ${p50}   ${p99}   (${m.operations} ops)`;
}
