import type { EventEnvelope } from '@mesh/contract-kit';
import type { DataSource, QueryRunner } from 'typeorm';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { outboxTable } from './outbox-names';

/** An outbox row the relay still has to publish. */
export interface UnsentRow {
  position: string;
  eventId: string;
  stream: string;
  envelope: EventEnvelope;
}

/** The oldest unsent rows in insertion order (served by the partial index on unsent rows). */
export async function nextUnsent(runner: QueryRunner, limit: number): Promise<UnsentRow[]> {
  return runner.query(
    `SELECT position, event_id AS "eventId", stream, envelope
     FROM ${outboxTable} WHERE sent_at IS NULL ORDER BY position LIMIT $1`,
    [limit],
  );
}

export async function markSent(runner: QueryRunner, positions: readonly string[]): Promise<void> {
  await runner.query(`UPDATE ${outboxTable} SET sent_at = now() WHERE position = ANY($1::bigint[])`, [positions]);
}

/**
 * Deletes sent rows older than the retention among the `limit` oldest rows, and returns how
 * many went. Looking only at the head of the table keeps each round cheap however large the
 * table is: rows are sent in position order, so once the head holds recent rows, so does the rest.
 */
export async function deleteSentHead(runner: QueryRunner, retentionMs: number, limit: number): Promise<number> {
  const result = await runner.query(
    `DELETE FROM ${outboxTable}
     WHERE position IN (SELECT position FROM ${outboxTable} ORDER BY position LIMIT $2)
       AND sent_at < now() - $1 * interval '1 millisecond'`,
    [retentionMs, limit],
    true,
  );
  return result.affected ?? 0;
}

/**
 * Committed events not yet published and the age of the oldest (0 when there is none): the
 * outbox gauges and a freshness signal. Ages come from the database clock, which stamped `created_at`.
 */
export async function readBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = await dataSource.query<Array<{ count: number; oldestAgeMs: number }>>(
    `SELECT count(*)::int AS count,
            COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)::float8 AS "oldestAgeMs"
     FROM ${outboxTable} WHERE sent_at IS NULL`,
  );
  return { count: row.count, oldestAgeMs: Math.max(0, row.oldestAgeMs) };
}
