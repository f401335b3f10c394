import type { DailySales } from '@mesh/analytics-contracts';
import type { DataSource, EntityManager } from 'typeorm';

import type { DateRange } from '../../date-range/date-range';
import { LIVE_TABLES } from '../projection-tables';

interface DailySalesRow {
  day: string;
  currency: string;
  orders: number;
  revenue: string;
  cancelled_orders: number;
  cancelled_revenue: string;
}

/**
 * The days of a range that have sales, in day then currency order, optionally in one currency.
 * Takes any queryable so that the rollup reads them inside its own transaction.
 */
export async function selectDailySales(
  database: Pick<DataSource | EntityManager, 'query'>,
  range: DateRange,
  currency?: string,
): Promise<DailySales[]> {
  const rows: DailySalesRow[] = await database.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, orders, revenue, cancelled_orders, cancelled_revenue
     FROM ${LIVE_TABLES.dailySales}
     WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR currency = $3)
     ORDER BY day, currency`,
    [range.from, range.to, currency ?? null],
  );
  // bigint sums come back from pg as strings.
  return rows.map((row) => ({
    day: row.day,
    currency: row.currency,
    orders: row.orders,
    revenue: Number(row.revenue),
    cancelledOrders: row.cancelled_orders,
    cancelledRevenue: Number(row.cancelled_revenue),
    netRevenue: Number(row.revenue) - Number(row.cancelled_revenue),
  }));
}
