import type { RebuildSession } from './rebuild-store';
import type { ReplayConsumer } from './replay-consumer';

/** Live handlers wait while the swap holds the lock: give up (and retry later) rather than hold them long. */
const SWAP_CATCH_UP_MS = 30_000;

/**
 * Swaps the `_next` tables in under the projection lock held exclusively: running live handlers
 * finish first, new ones wait. Every event a live handler applied is on its stream, so catching
 * up once more inside the lock means the new tables hold all of them; and the live group adopts
 * the rebuild's inbox, so it skips what the rebuild applied ahead of it.
 * @param abort throws to give up (shutdown).
 */
export async function swapWhenCaughtUp(session: RebuildSession, replay: ReplayConsumer, abort: () => void): Promise<void> {
  await session.swapIn(async () => {
    const deadline = Date.now() + SWAP_CATCH_UP_MS;
    await replay.waitUntilCaughtUp(() => {
      abort();
      if (Date.now() > deadline) {
        throw new Error(`the replay did not catch up within ${SWAP_CATCH_UP_MS} ms of holding the swap lock`);
      }
    });
    await replay.stop();
  });
}
