/**
 * The names of one complete set of projection tables: the live ones the API reads, or the
 * `_next` copies a rebuild fills before it swaps them in. Projection SQL takes a set, so the live
 * handlers and the rebuild run the very same code. The names are constants, never input.
 */
export interface ProjectionTables {
  readonly dailySales: string;
  readonly customerValue: string;
  readonly customerRevenue: string;
  readonly productSales: string;
  /** Which orders were placed and cancelled: makes each fact count once, in any order. */
  readonly projectedOrders: string;
  /** The lines of placed orders, per sku, so that a cancellation can take them back out. */
  readonly orderLines: string;
}

export const LIVE_TABLES: ProjectionTables = {
  dailySales: 'daily_sales',
  customerValue: 'customer_value',
  customerRevenue: 'customer_revenue',
  productSales: 'product_sales',
  projectedOrders: 'projected_orders',
  orderLines: 'order_lines',
};

export const NEXT_SUFFIX = '_next';

export const NEXT_TABLES: ProjectionTables = Object.fromEntries(
  Object.entries(LIVE_TABLES).map(([key, table]) => [key, `${table}${NEXT_SUFFIX}`]),
) as unknown as ProjectionTables;

/** Every live projection table, in an order that is safe for creating and swapping. */
export const LIVE_TABLE_NAMES: readonly string[] = Object.values(LIVE_TABLES);
