import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { outboxField } from './outbox-field';
import type { MongoOutboxSource } from './outbox-source';

const hasPending = { [`${outboxField}.0`]: { $exists: true } };

/**
 * Events waiting in the documents and the age of the oldest (by its `time`; 0 when none waits).
 * Counts pending events with `$unwind` + `$count` and finds the oldest by sorting documents on
 * their first pending event: FerretDB implements neither `$size` in `$project` nor the `$min`
 * accumulator, and it treats `$project` field paths as literal strings.
 */
export async function outboxBacklog(sources: readonly MongoOutboxSource[], now = Date.now()): Promise<OutboxBacklog> {
  let count = 0;
  let oldest = now;
  for (const source of sources) {
    try {
      const [counted] = await source.collection
        .aggregate<{ count: number }>([{ $match: hasPending }, { $unwind: `$${outboxField}` }, { $count: 'count' }])
        .toArray();
      count += counted?.count ?? 0;
      const [first] = await source.collection
        .find(hasPending, { projection: { [`${outboxField}.time`]: 1 } })
        .sort({ [`${outboxField}.0.time`]: 1 })
        .limit(1)
        .toArray();
      const time = Date.parse((first?.[outboxField] as Array<{ time?: string }> | undefined)?.[0]?.time ?? '');
      if (!Number.isNaN(time)) oldest = Math.min(oldest, time);
    } catch (error) {
      throw new Error(`measuring the outbox backlog of model ${source.modelName} failed`, { cause: error });
    }
  }
  return { count, oldestAgeMs: count === 0 ? 0 : Math.max(0, now - oldest) };
}
