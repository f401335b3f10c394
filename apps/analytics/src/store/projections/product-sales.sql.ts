import type { EntityManager } from 'typeorm';

import type { OrderLines } from '../../projections/projection-writes';
import type { ProjectionTables } from '../projection-tables';

/**
 * Keeps the placed order's lines, one row per sku (an order may repeat a sku on several lines).
 * Line revenue is computed in bigint by PostgreSQL: quantity × unit price can pass 2^53.
 */
export async function recordOrderLines(
  manager: EntityManager,
  tables: ProjectionTables,
  order: OrderLines,
  day: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${tables.orderLines} (order_id, sku, day, currency, units, revenue)
     SELECT $1, sku, $2::date, $3, SUM(quantity), SUM(quantity::bigint * unit_price)
     FROM unnest($4::text[], $5::int[], $6::bigint[]) AS line(sku, quantity, unit_price)
     GROUP BY sku
     ON CONFLICT (order_id, sku) DO NOTHING`,
    [
      order.orderId,
      day,
      order.currency,
      order.lines.map((line) => line.sku),
      order.lines.map((line) => line.quantity),
      order.lines.map((line) => line.unitPrice),
    ],
  );
}

/**
 * Adds an order's recorded lines to the product sales (sign 1), or takes them back out (-1).
 * Rows are written in key order so that concurrent handlers lock them in the same order.
 */
export async function applyOrderLinesToProductSales(
  manager: EntityManager,
  tables: ProjectionTables,
  orderId: string,
  sign: 1 | -1,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${tables.productSales} AS p (day, sku, currency, units, revenue)
     SELECT day, sku, currency, $2 * units, $2 * revenue FROM ${tables.orderLines}
     WHERE order_id = $1
     ORDER BY day, sku, currency
     ON CONFLICT (day, sku, currency) DO UPDATE SET
       units = p.units + EXCLUDED.units,
       revenue = p.revenue + EXCLUDED.revenue`,
    [orderId, sign],
  );
}
