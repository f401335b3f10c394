/**
 * The nearest-rank percentile: the smallest sample that at least `p` percent of the samples are
 * less than or equal to. It is always one of the samples, never an interpolation between two.
 * @returns NaN when there are no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  return nearestRank(Float64Array.from(samples).sort(), p);
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max of latency samples in milliseconds, sorting them once. */
export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 50),
    p99: nearestRank(sorted, 99),
    max: nearestRank(sorted, 100),
  };
}

function nearestRank(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be within 0..100, got ${p}`);
  }
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
