import type { RedisClient } from '@mesh/service';

import { groupBySlot } from '../streams/slot-groups';
import { streamKeys } from '../streams/stream-keys';
import type { OutgoingEvent } from './publishable-event';

export interface TailWindow {
  /** Entries read back per stream, at most. */
  maxEntries: number;
  clockSkewMs: number;
}

/**
 * Event ids among `events` that are already on their streams. After a failed round some of its
 * XADDs may have gone through (a pipeline is not atomic), and a relay that died may have
 * published events it did not get to mark. Only the domain's active relay writes its streams,
 * so any such copy was added after the oldest pending event was created and sits at the tail:
 * reading each stream back from that time (less the clock skew), newest first and at most
 * `maxEntries`, finds it.
 */
export async function idsAlreadyOnStreams(
  redis: RedisClient,
  events: readonly OutgoingEvent[],
  window: TailWindow,
): Promise<Set<string>> {
  const oldestByStream = new Map<string, number>();
  for (const { envelope, stream } of events) {
    const time = Date.parse(envelope.time);
    oldestByStream.set(stream, Math.min(time, oldestByStream.get(stream) ?? time));
  }
  const present = new Set<string>();
  // On a cluster a pipeline stays in one slot: one pipeline per slot.
  for (const streams of groupBySlot(redis, [...oldestByStream.keys()], streamKeys.source)) {
    const pipeline = redis.pipeline();
    for (const stream of streams) {
      const from = Math.max(0, (oldestByStream.get(stream) as number) - window.clockSkewMs);
      pipeline.xrevrange(streamKeys.source(stream), '+', String(from), 'COUNT', window.maxEntries);
    }
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([error, entries], index) => {
      if (error) {
        throw new Error(`reading back the tail of stream ${streams[index]} failed`, { cause: error });
      }
      for (const [, fields] of entries as Array<[string, string[]]>) {
        for (let at = 0; at + 1 < fields.length; at += 2) {
          if (fields[at] === 'id') present.add(fields[at + 1]);
        }
      }
    });
  }
  return present;
}
