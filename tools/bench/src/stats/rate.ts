/** Events per second for `count` events handled in `elapsedMs`; NaN when no time passed. */
export function eventsPerSecond(count: number, elapsedMs: number): number {
  if (!(elapsedMs > 0)) return Number.NaN;
  return (count * 1_000) / elapsedMs;
}

/**
 * `value / baseline`, or undefined when either is not a positive finite number (a contender
 * that was skipped or lost everything has no meaningful ratio).
 */
export function ratioTo(value: number, baseline: number): number | undefined {
  if (!(Number.isFinite(value) && Number.isFinite(baseline) && baseline > 0 && value >= 0)) return undefined;
  return value / baseline;
}
