import { decodeStreamEntry, EventEnvelope } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';
import type { DataSource } from 'typeorm';

import type { TypeormOutbox } from '../outbox-typeorm/typeorm-outbox';
import { streamKeys } from '../streams/stream-keys';

/** Commits `events` through the outbox, `perTransaction` at a time, as a domain's writes would. */
export async function commitThroughOutbox(
  dataSource: DataSource,
  outbox: TypeormOutbox,
  events: readonly EventEnvelope[],
  perTransaction = 1,
): Promise<void> {
  for (let start = 0; start < events.length; start += perTransaction) {
    await dataSource.transaction((manager) => outbox.add(manager, events.slice(start, start + perTransaction)));
  }
}

/** Every event on the stream, in stream order. */
export async function readStream(redis: RedisClient, stream: string): Promise<EventEnvelope[]> {
  const entries = await redis.xrange(streamKeys.source(stream), '-', '+');
  return entries.map(([, fields]) => decodeStreamEntry(fields));
}

/** The ids of events that appear more than once (in their second and later places). */
export function duplicateIds(events: readonly EventEnvelope[]): string[] {
  const seen = new Set<string>();
  return events.filter((event) => seen.size === seen.add(event.id).size).map((event) => event.id);
}

/** Holders of advisory locks in `database` (the relay lock is the only one the tests take). */
export async function advisoryLockHolders(dataSource: DataSource): Promise<number> {
  const [{ holders }] = await dataSource.query<Array<{ holders: number }>>(
    `SELECT count(*)::int AS holders FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return holders;
}
