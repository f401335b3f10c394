import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it reports nothing left to wait for (undefined). A check that throws
 * counts as "not yet". The last reason is in the error, so a timeout says what was missing.
 */
export async function waitFor(
  what: string,
  check: () => Promise<string | undefined>,
  timeoutMs: number,
  pollMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reason = 'not checked yet';
  for (;;) {
    try {
      const missing = await check();
      if (missing === undefined) return;
      reason = missing;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s (${reason})`);
    await sleep(pollMs);
  }
}
