import type { DailySales } from '@mesh/analytics-contracts';
import type { EntityManager } from 'typeorm';

import type { ProjectionTables } from './projection-tables';

/** Amounts to add to one day and currency (negative ones take back). */
export type DailySalesChange = Omit<DailySales, 'netRevenue'>;

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

/** The UTC calendar day of an ISO timestamp: the day a sale counts on. */
export function utcDay(isoTimestamp: string): string {
  return new Date(isoTimestamp).toISOString().slice(0, 10);
}
