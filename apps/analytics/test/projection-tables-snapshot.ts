import type { DataSource } from 'typeorm';

const TABLES = ['daily_sales', 'customer_value', 'customer_revenue', 'product_sales', 'projected_orders', 'order_lines'];

/** Every row of every projection table, in key order, plus the tables' indexes: for equality checks. */
export async function snapshotProjections(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    snapshot[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`);
  }
  snapshot['indexes'] = await dataSource.query(
    `SELECT tablename, indexname, regexp_replace(indexdef, '^.* USING', 'USING') AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = ANY($1) ORDER BY 1, 2`,
    [TABLES],
  );
  return snapshot;
}
