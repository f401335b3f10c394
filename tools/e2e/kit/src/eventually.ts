import { setTimeout as sleep } from 'node:timers/promises';

/** What a wait ended with: the last result, how long it took, and whether `done` accepted it. */
export interface Waited<T> {
  result: T;
  seconds: number;
  settled: boolean;
}

/**
 * Calls `attempt` every `intervalMs` until it returns a result that `done` accepts or
 * `timeoutMs` passes; returns the last result either way, with the seconds it took. The one
 * polling wait of the e2e suites and the bench: a caller that must not go on unsettled throws,
 * describing the last result.
 */
export async function eventually<T>(
  attempt: () => Promise<T>,
  done: (result: T) => boolean,
  timeoutMs: number,
  intervalMs = 500,
): Promise<Waited<T>> {
  const started = performance.now();
  for (;;) {
    const result = await attempt();
    const seconds = (performance.now() - started) / 1_000;
    if (done(result)) return { result, seconds, settled: true };
    if (seconds * 1_000 >= timeoutMs) return { result, seconds, settled: false };
    await sleep(intervalMs);
  }
}
