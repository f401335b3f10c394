import type { RedisClient } from '@mesh/service';

import { readGroups } from '../streams/group-info';
import { compareStreamIds, minStreamId, streamIdAt } from '../streams/stream-id';
import { streamKeys } from '../streams/stream-keys';

export interface RetentionPolicy {
  /** History kept whatever the groups did, so that a new consumer can replay it. */
  windowMs: number;
  /** Entries older than this go even when a group has not read or acknowledged them; at least `windowMs`. */
  capMs: number;
}

/** A group that had not read or acknowledged entries the cap removed. */
export interface GroupBehind {
  group: string;
  /** Entries it had not been delivered, or held pending, that are gone. */
  lost: number;
}

export interface TrimResult {
  stream: string;
  /** Entries older than this id were removed. */
  minId: string;
  trimmed: number;
  /** Groups that lost entries to the cap; empty while every group keeps up. */
  behind: GroupBehind[];
}

/**
 * Trims a stream with XTRIM MINID: never inside the window, never past an entry that some group
 * has not been delivered yet or still holds pending, unless that entry is older than the cap.
 * Past the cap the window of time wins, as in Kafka: a group that fell that far behind loses the
 * entries, and is named with how many. (MAXLEN would trim by count, blind to slow groups.) A group
 * created later from the beginning sees the whole retained history.
 */
export async function trimStream(redis: RedisClient, stream: string, policy: RetentionPolicy): Promise<TrimResult> {
  const key = streamKeys.source(stream);
  const now = Date.now();
  const capFloor = streamIdAt(now - Math.max(policy.capMs, policy.windowMs));
  const positions: Array<{ group: string; oldestUnread: string }> = [];
  for (const group of await readGroups(redis, key)) {
    // Everything after last-delivered-id is still to be delivered to this group.
    let oldestUnread = nextStreamId(group.lastDeliveredId);
    if (group.pending > 0) {
      // The group may have acknowledged them since XINFO GROUPS: XPENDING then reports no oldest id.
      const [, oldestPending] = (await redis.xpending(key, group.name)) as [number, string | null, string | null, unknown];
      if (oldestPending !== null) oldestUnread = minStreamId([oldestUnread, oldestPending]);
    }
    positions.push({ group: group.name, oldestUnread });
  }
  const wanted = minStreamId([streamIdAt(now - policy.windowMs), ...positions.map((group) => group.oldestUnread)]);
  const minId = compareStreamIds(wanted, capFloor) < 0 ? capFloor : wanted;
  const behind: GroupBehind[] = [];
  for (const { group, oldestUnread } of positions) {
    if (compareStreamIds(oldestUnread, minId) >= 0) continue;
    const lost = await countEntries(redis, key, oldestUnread, minId);
    if (lost > 0) behind.push({ group, lost });
  }
  const trimmed = await redis.xtrim(key, 'MINID', minId);
  return { stream, minId, trimmed, behind };
}

/** Removes the entries of a stream of this domain's own (dead letters, redrives) older than `keepMs`. */
export async function trimByAge(redis: RedisClient, key: string, keepMs: number): Promise<number> {
  return redis.xtrim(key, 'MINID', streamIdAt(Date.now() - keepMs));
}

/** The smallest id after `id`. */
function nextStreamId(id: string): string {
  const [ms, seq = '0'] = id.split('-');
  return `${ms}-${BigInt(seq) + 1n}`;
}

/** Entries with `from` ≤ id < `before`, read a page at a time (only for a group that fell past the cap). */
async function countEntries(redis: RedisClient, key: string, from: string, before: string): Promise<number> {
  let count = 0;
  let start = from;
  for (;;) {
    const page = (await redis.xrange(key, start, `(${before}`, 'COUNT', 1_000)) as Array<[string, string[]]>;
    count += page.length;
    if (page.length < 1_000) return count;
    start = `(${page[page.length - 1][0]}`;
  }
}
