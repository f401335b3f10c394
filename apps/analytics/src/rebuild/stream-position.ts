import { readGroups, streamKeys } from '@mesh/messaging';
import type { RedisClient } from '@mesh/service';

/** Orders two stream entry ids (`<ms>-<seq>`) numerically; ids are too long for a string compare. */
export function compareEntryIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(BigInt);
  const [bMs, bSeq] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/**
 * Whether a group has been delivered every entry the stream holds now and acknowledged them all.
 * Compares ids rather than trusting XINFO's lag, which Redis cannot tell after deletions.
 */
export async function groupCaughtUp(redis: RedisClient, stream: string, group: string): Promise<boolean> {
  const key = streamKeys.source(stream);
  const [last] = (await redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
  if (!last) return true;
  const info = (await readGroups(redis, key)).find((candidate) => candidate.name === group);
  if (!info) return false;
  return info.pending === 0 && compareEntryIds(info.lastDeliveredId, last[0]) >= 0;
}
