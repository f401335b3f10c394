import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less when `signal` aborts (stop() should not wait out a back-off). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  // delay rejects only with the AbortError of `signal`, which is how the wait ends early.
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
