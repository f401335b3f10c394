import { decodeStreamEntry, type QualityEvent } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

/**
 * The newest `count` entries of the stream at `key`, newest first, as the data-quality rules see
 * them: decoded envelopes with the time each reached the stream (its entry id's milliseconds, on
 * Redis's clock). XREVRANGE reads without a consumer group, so no group's position moves, and its
 * COUNT bounds the work whatever the stream's length. An entry that is not a readable event is
 * left out: the rules are about the events of a type, and a consumer dead-letters it anyway.
 */
export async function sampleStream(redis: RedisClient, key: string, count: number): Promise<QualityEvent[]> {
  const events: QualityEvent[] = [];
  for (const [id, fields] of await redis.xrevrange(key, '+', '-', 'COUNT', count)) {
    try {
      const envelope = decodeStreamEntry(fields);
      const { type, subject, time, data } = envelope;
      events.push({ id: envelope.id, type, subject, time, data, publishedAt: new Date(Number(id.split('-')[0])).toISOString() });
    } catch {
      // Not an event: no rule of an event type applies to it.
    }
  }
  return events;
}
