import type { RedisClient } from '@mesh/service';

import type { GroupInfo } from '../streams/group-info';
import { minStreamId } from '../streams/stream-id';

/** What a group has not applied on one key: the oldest such entry, and the lag where Redis could not tell it. */
export interface Unapplied {
  oldestId: string | undefined;
  /** XINFO's lag, or 0 when it was null but nothing follows the last delivered entry. */
  lag: number | null;
}

/**
 * Finds the oldest entry of `key` that `group` has not applied: the oldest pending one (delivered,
 * not acknowledged) or the first one after its last-delivered id, whichever is older. The
 * consumer acknowledges only after the handler's commit, so everything else was applied (or
 * dead-lettered, which the dead-letter count shows).
 */
export async function oldestUnapplied(redis: RedisClient, key: string, group: GroupInfo): Promise<Unapplied> {
  const [oldestPending, firstUndelivered] = await Promise.all([
    group.pending > 0 ? oldestPendingId(redis, key, group.name) : undefined,
    group.lag === 0 ? undefined : firstAfter(redis, key, group.lastDeliveredId),
  ]);
  const candidates = [oldestPending, firstUndelivered].filter((id): id is string => id !== undefined);
  return {
    oldestId: candidates.length > 0 ? minStreamId(candidates) : undefined,
    lag: group.lag === null && firstUndelivered === undefined ? 0 : group.lag,
  };
}

async function oldestPendingId(redis: RedisClient, key: string, group: string): Promise<string | undefined> {
  // The summary form: [count, smallest id, greatest id, [[consumer, count], …]].
  const [, smallest] = (await redis.xpending(key, group)) as [number, string | null];
  return smallest ?? undefined;
}

async function firstAfter(redis: RedisClient, key: string, id: string): Promise<string | undefined> {
  const [entry] = (await redis.xrange(key, `(${id}`, '+', 'COUNT', 1)) as Array<[string, string[]]>;
  return entry?.[0];
}
