import type { DataSource } from 'typeorm';

/** Rows per DELETE: short transactions that never hold many locks, whatever the backlog. */
const CHUNK = 1_000;

/** A PostgreSQL table whose rows expire by the time in one of its columns (which should be indexed). */
export interface ExpiringRows {
  table: string;
  timeColumn: string;
}

/**
 * Deletes every row of `rows.table` whose `timeColumn` is before `before`, a chunk per statement;
 * returns how many. Every replica may sweep at once: `SKIP LOCKED` lets them share a backlog
 * instead of waiting on each other's rows. (`ctid` addresses any table, whatever its key.)
 */
export async function deleteRowsOlderThan(dataSource: DataSource, rows: ExpiringRows, before: Date): Promise<number> {
  const { table, timeColumn } = rows;
  let deleted = 0;
  for (;;) {
    const [, count] = await dataSource.query<[unknown, number]>(
      `DELETE FROM "${table}" WHERE ctid IN (
         SELECT ctid FROM "${table}" WHERE "${timeColumn}" < $1
         ORDER BY "${timeColumn}" LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)`,
      [before],
    );
    deleted += count;
    if (count < CHUNK) return deleted;
  }
}
