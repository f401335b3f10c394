import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `attempt` every `intervalMs` until it returns a result that `done` accepts or
 * `timeoutMs` passes; returns the last result either way, with the seconds it took.
 */
export async function eventually<T>(
  attempt: () => Promise<T>,
  done: (result: T) => boolean,
  timeoutMs: number,
  intervalMs = 500,
): Promise<{ result: T; seconds: number; settled: boolean }> {
  const started = performance.now();
  for (;;) {
    const result = await attempt();
    const seconds = (performance.now() - started) / 1_000;
    if (done(result)) return { result, seconds, settled: true };
    if (seconds * 1_000 >= timeoutMs) return { result, seconds, settled: false };
    await sleep(intervalMs);
  }
}
