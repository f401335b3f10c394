import { readGroups, streamKeys } from '@mesh/messaging';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until every consumer group of `streams` has been given every entry and acknowledged
 * it, so that a measurement does not start while consumers still work through an earlier one's
 * events. @returns the seconds it waited.
 */
export async function consumersCaughtUp(
  redisUrl: string,
  streams: readonly string[],
  timeoutMs: number,
): Promise<number> {
  const redis = new Redis(redisUrl);
  const started = performance.now();
  try {
    for (;;) {
      const groups = (await Promise.all(streams.map((stream) => readGroups(redis, streamKeys.source(stream))))).flat();
      const behind = groups.filter((group) => group.pending > 0 || (group.lag ?? 0) > 0);
      if (behind.length === 0) return (performance.now() - started) / 1_000;
      if (performance.now() - started > timeoutMs) {
        throw new Error(
          `consumers still behind after ${timeoutMs / 1_000} s: ${behind.map((group) => `${group.name} (lag ${group.lag}, pending ${group.pending})`).join(', ')}`,
        );
      }
      await sleep(250);
    }
  } finally {
    redis.disconnect();
  }
}
