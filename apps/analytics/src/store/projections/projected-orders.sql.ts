import type { EntityManager } from 'typeorm';

import type { OrderFact } from '../../projections/projection-writes';
import type { ProjectionTables } from '../projection-tables';

/**
 * Marks that an order was placed or cancelled. Returns undefined when it already was (the fact
 * must not count twice, even under another event id), else whether the other fact is known:
 * a cancellation applied before its placement (a retried delivery) leaves the products alone.
 */
export async function markOrder(
  manager: EntityManager,
  tables: ProjectionTables,
  orderId: string,
  fact: OrderFact,
): Promise<{ otherFactKnown: boolean } | undefined> {
  const other: OrderFact = fact === 'placed' ? 'cancelled' : 'placed';
  const rows: Array<{ other: boolean }> = await manager.query(
    `INSERT INTO ${tables.projectedOrders} AS o (order_id, ${fact}) VALUES ($1, true)
     ON CONFLICT (order_id) DO UPDATE SET ${fact} = true WHERE NOT o.${fact}
     RETURNING o.${other} AS other`,
    [orderId],
  );
  return rows.length === 0 ? undefined : { otherFactKnown: rows[0].other };
}
