import { eventually, withRedis } from '@mesh/mesh-e2e';
import { readGroups, streamKeys } from '@mesh/messaging';
import type { RedisTarget } from '@mesh/service';

/**
 * Waits until every consumer group of `streams` has been given every entry and acknowledged
 * it, so that a measurement does not start while consumers still work through an earlier one's
 * events. @returns the seconds it waited.
 */
export async function consumersCaughtUp(
  redis: RedisTarget,
  streams: readonly string[],
  timeoutMs: number,
): Promise<number> {
  return withRedis(redis, async (client) => {
    const groupsBehind = async () => {
      const groups = (await Promise.all(streams.map((stream) => readGroups(client, streamKeys.source(stream))))).flat();
      return groups.filter((group) => group.pending > 0 || (group.lag ?? 0) > 0);
    };
    const waited = await eventually(groupsBehind, (behind) => behind.length === 0, timeoutMs, 250);
    if (waited.settled) return waited.seconds;
    throw new Error(
      `consumers still behind after ${timeoutMs / 1_000} s: ${waited.result.map((group) => `${group.name} (lag ${group.lag}, pending ${group.pending})`).join(', ')}`,
    );
  });
}
