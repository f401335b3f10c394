import { decodeStreamEntry, EventEnvelope } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import { streamKeys } from '../streams/stream-keys';

/** Every event on a stream, in stream order. */
export async function eventsOnStream(redis: RedisClient, stream: string): Promise<EventEnvelope[]> {
  const entries = (await redis.xrange(streamKeys.source(stream), '-', '+')) as Array<[string, string[]]>;
  return entries.map(([, fields]) => decodeStreamEntry(fields));
}

/** The `amount` of each `test.item.counted` event per subject, in the order given. */
export function amountsBySubject(events: readonly EventEnvelope[]): Map<string, number[]> {
  const amounts = new Map<string, number[]>();
  for (const event of events) {
    const { amount } = event.data as { amount: number };
    amounts.set(event.subject, [...(amounts.get(event.subject) ?? []), amount]);
  }
  return amounts;
}
