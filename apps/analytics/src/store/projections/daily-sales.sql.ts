import type { EntityManager } from 'typeorm';

import type { DailySalesChange } from '../../projections/projection-writes';
import type { ProjectionTables } from '../projection-tables';

/** Adds to the day's counters (creating the row), so placements and cancellations commute. */
export async function addToDailySales(manager: EntityManager, tables: ProjectionTables, change: DailySalesChange) {
  await manager.query(
    `INSERT INTO ${tables.dailySales} AS s (day, currency, orders, revenue, cancelled_orders, cancelled_revenue)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (day, currency) DO UPDATE SET
       orders = s.orders + EXCLUDED.orders,
       revenue = s.revenue + EXCLUDED.revenue,
       cancelled_orders = s.cancelled_orders + EXCLUDED.cancelled_orders,
       cancelled_revenue = s.cancelled_revenue + EXCLUDED.cancelled_revenue`,
    [change.day, change.currency, change.orders, change.revenue, change.cancelledOrders, change.cancelledRevenue],
  );
}
