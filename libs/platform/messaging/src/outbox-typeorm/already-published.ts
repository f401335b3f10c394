import type { Redis } from 'ioredis';

import { streamKeys } from '../streams/stream-keys';

/**
 * Ids of the given events that are already on their streams. After a failure the relay
 * cannot know how much of its last pipeline reached Redis (or whether a relay that died got to
 * mark its rows sent); whatever did is at the tail of each stream, because only the one active
 * relay writes the domain's streams, one batch at a time. So the last `window` entries of each
 * stream are enough, and the `id` field of an entry is the event id.
 */
export async function alreadyPublished(
  redis: Redis,
  rows: ReadonlyArray<{ eventId: string; stream: string }>,
  window: number,
): Promise<Set<string>> {
  const wanted = new Set(rows.map((row) => row.eventId));
  const streams = [...new Set(rows.map((row) => row.stream))];
  const pipeline = redis.pipeline();
  for (const stream of streams) pipeline.xrevrange(streamKeys.source(stream), '+', '-', 'COUNT', window);
  const replies = (await pipeline.exec()) ?? [];

  const found = new Set<string>();
  replies.forEach(([error, entries], index) => {
    if (error) {
      throw new Error(`XREVRANGE of ${streams[index]} failed: ${error.message}`, { cause: error });
    }
    for (const [, fields] of entries as Array<[string, string[]]>) {
      const eventId = fieldValue(fields, 'id');
      if (eventId !== undefined && wanted.has(eventId)) found.add(eventId);
    }
  });
  return found;
}

function fieldValue(fields: readonly string[], name: string): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 2) {
    if (fields[index] === name) return fields[index + 1];
  }
  return undefined;
}
