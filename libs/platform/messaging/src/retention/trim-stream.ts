import type { Redis } from 'ioredis';

import { readGroups } from '../streams/group-info';
import { minStreamId, streamIdAt } from '../streams/stream-id';
import { streamKeys } from '../streams/stream-keys';

export interface RetentionPolicy {
  /** History kept whatever the groups did, so that a new consumer can replay it. */
  keepMs: number;
}

export interface TrimResult {
  stream: string;
  /** Entries older than this id were removed. */
  minId: string;
  trimmed: number;
}

/**
 * Trims a stream with XTRIM MINID, never past an entry that some group has not been delivered
 * yet or still holds pending, and never inside the retention window. (MAXLEN would trim by
 * count, blind to slow groups.) A group created later from the beginning sees the whole
 * retained history.
 */
export async function trimStream(redis: Redis, stream: string, policy: RetentionPolicy): Promise<TrimResult> {
  const key = streamKeys.source(stream);
  const floors = [streamIdAt(Date.now() - policy.keepMs)];
  for (const group of await readGroups(redis, key)) {
    // Everything after last-delivered-id is still to be delivered to this group.
    floors.push(group.lastDeliveredId);
    if (group.pending > 0) {
      const [, oldestPending] = (await redis.xpending(key, group.name)) as [number, string, string, unknown];
      floors.push(oldestPending);
    }
  }
  const minId = minStreamId(floors);
  const trimmed = await redis.xtrim(key, 'MINID', minId);
  return { stream, minId, trimmed };
}
