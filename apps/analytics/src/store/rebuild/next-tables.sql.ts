import type { DataSource, EntityManager } from 'typeorm';

import { LIVE_TABLE_NAMES, NEXT_SUFFIX } from '../projection-tables';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Creates empty `<table>_next` copies of the live projection tables from their own DDL (LIKE …
 * INCLUDING ALL: columns, defaults, keys, indexes), dropping leftovers of an interrupted rebuild.
 */
export async function createNextTables(database: Queryable): Promise<void> {
  await dropNextTables(database);
  for (const table of LIVE_TABLE_NAMES) {
    await database.query(`CREATE TABLE ${table}${NEXT_SUFFIX} (LIKE ${table} INCLUDING ALL)`);
  }
}

export async function dropNextTables(database: Queryable): Promise<void> {
  for (const table of LIVE_TABLE_NAMES) await database.query(`DROP TABLE IF EXISTS ${table}${NEXT_SUFFIX}`);
}

/**
 * Replaces every live table by its `_next` copy, inside the caller's transaction: readers see
 * the old set until commit and the new one after, never a mix. Index names (`<table>_next_pkey`)
 * are renamed back so that the schema looks as the migrations left it.
 */
export async function swapInNextTables(manager: EntityManager): Promise<void> {
  for (const table of LIVE_TABLE_NAMES) {
    const next = `${table}${NEXT_SUFFIX}`;
    await manager.query(`DROP TABLE ${table}`);
    await manager.query(`ALTER TABLE ${next} RENAME TO ${table}`);
    const indexes: Array<{ name: string }> = await manager.query(
      `SELECT indexname AS name FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename = $1 AND starts_with(indexname, $2)`,
      [table, next],
    );
    for (const { name } of indexes) {
      await manager.query(`ALTER INDEX ${name} RENAME TO ${table}${name.slice(next.length)}`);
    }
  }
}
